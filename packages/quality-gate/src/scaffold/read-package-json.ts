/**
 * Reads a `package.json` for `new` and `init`, which change or extend what it says: a file that
 * cannot be read, is not JSON, or is not an object is a setup problem named on one line, never a
 * parser's stack.
 */
import { readFileSync } from "node:fs";
import { describeCause, QualityGateError } from "../errors.js";

/** A `package.json`'s text and its parsed object. */
export interface PackageJson {
  /** The file's text, for keeping its indentation when it is written back. */
  readonly text: string;
  /** The parsed object; its fields are whatever the file says. */
  readonly json: Record<string, unknown>;
}

/**
 * Reads and parses a `package.json`.
 *
 * @param file - the file's path
 * @returns its text and parsed object
 * @throws {@link QualityGateError} `BAD_PACKAGE_JSON` when it cannot be read, is not valid JSON,
 *   or holds something other than an object
 * @example
 * ```ts
 * readPackageJson("/repo/package.json").json.name; // "my-app"
 * ```
 */
export function readPackageJson(file: string): PackageJson {
  const refuse = (why: string, cause?: unknown): never => {
    throw new QualityGateError("BAD_PACKAGE_JSON", `${file} ${why}; fix it, then rerun.`, {
      cause,
    });
  };
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    refuse(`cannot be read (${describeCause(error)})`, error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    refuse(`is not valid JSON (${describeCause(error)})`, error);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    refuse(
      `must hold a JSON object, not ${json === null ? "null" : Array.isArray(json) ? "an array" : typeof json}`,
    );
  }
  return { text, json: json as Record<string, unknown> };
}
