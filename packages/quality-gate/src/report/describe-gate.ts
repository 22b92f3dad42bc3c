/** One sentence saying how a run was scoped, for the human-readable reports. */
import type { GateNote } from "./build-report.js";

/**
 * Describes the scope of a run: what was gated and what the baseline tolerated.
 *
 * @param gate - the report's `gate` field
 * @returns a sentence, or `undefined` for a run that gated everything
 * @example
 * ```ts
 * describeGate({ since: "origin/main", tolerated: 3, fixed: 1 });
 * // "Gated: changes since origin/main; 3 known findings tolerated by the baseline, 1 fixed."
 * ```
 */
export function describeGate(gate: GateNote | undefined): string | undefined {
  if (gate === undefined) return undefined;
  const parts: string[] = [];
  if (gate.since !== undefined) parts.push(`changes since ${gate.since}`);
  if (gate.staged === true) parts.push("staged files and their importers");
  if (gate.shard !== undefined) parts.push(`shard ${gate.shard}`);
  if (gate.tolerated !== undefined) {
    const fixed = gate.fixed === undefined ? "" : `, ${String(gate.fixed)} fixed`;
    parts.push(`${String(gate.tolerated)} known findings tolerated by the baseline${fixed}`);
  }
  return parts.length === 0 ? undefined : `Gated: ${parts.join("; ")}.`;
}
