/**
 * `@ladder/quality-gate`: climbs the production-readiness ladder (compiles, formatted, linted,
 * tested, typed, secure, observable, documented) on a TypeScript repository. The runner lands with
 * its own issue; this entry exists so the workspace builds.
 *
 * @packageDocumentation
 */

/**
 * The ladder's rungs, lowest first: the order a repository climbs them in.
 *
 * @example
 * ```ts
 * RUNG_NAMES[0]; // "compiles"
 * ```
 */
export const RUNG_NAMES: readonly string[] = [
  "compiles",
  "formatted",
  "linted",
  "tested",
  "typed",
  "secure",
  "observable",
  "documented",
];
