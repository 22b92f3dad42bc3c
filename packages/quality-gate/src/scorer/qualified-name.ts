/**
 * A public symbol's name with the `exports` subpath it is reached through: `./sub:foo` for `foo`
 * of the subpath `./sub`, plain `foo` for the package's main entry `.`. Findings, baseline keys
 * and `quality-gate explain` all spell a symbol this way, so the same name exported by two
 * subpaths is two symbols.
 */

/**
 * Spells a symbol's name with its subpath.
 *
 * @param name - the public name (`foo`, `TtlCache.get`)
 * @param entry - the `exports` subpath, `undefined` or `"."` for the main entry
 * @returns `name` for the main entry, `entry:name` for another subpath
 * @example
 * ```ts
 * qualifiedName("foo", "./sub"); // "./sub:foo"
 * ```
 */
export function qualifiedName(name: string, entry: string | undefined): string {
  return entry === undefined || entry === "." ? name : `${entry}:${name}`;
}

/**
 * Reads a name spelled by {@link qualifiedName}, as `explain` takes it.
 *
 * @param query - `foo`, `./sub:foo`, or `.:foo` for the main entry only
 * @returns the name, and the subpath when the query gives one
 * @example
 * ```ts
 * parseQualifiedName("./sub:foo"); // { name: "foo", entry: "./sub" }
 * ```
 */
export function parseQualifiedName(query: string): { name: string; entry?: string } {
  const colon = query.indexOf(":");
  if (!query.startsWith(".") || colon < 0) return { name: query };
  return { name: query.slice(colon + 1), entry: query.slice(0, colon) };
}
