/**
 * This quality-gate's own version, from its package.json: what `--version` prints and what every
 * report names as its author, so reports of different versions are never merged as one.
 *
 * @internal
 */
import { readFileSync } from "node:fs";

/**
 * The version of the installed quality-gate.
 *
 * @returns such as `0.1.0`
 * @internal
 */
export function toolVersion(): string {
  const file = new URL("../package.json", import.meta.url);
  const { version } = JSON.parse(readFileSync(file, "utf8")) as { version: string };
  return version;
}
