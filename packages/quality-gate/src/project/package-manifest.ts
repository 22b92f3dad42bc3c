/**
 * A package's `package.json`, read once and kept as data: the fields the gate reads (name,
 * privacy, entry points, dependencies, scripts), each checked for its type, so a malformed field
 * is ignored rather than trusted.
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";

/** What the gate reads of a `package.json`. */
export interface PackageManifest {
  /** `name`, or the folder's name when it has none. */
  readonly name: string;
  /** Whether `private` is `true`. */
  readonly private: boolean;
  /** The raw `exports` field, or `undefined`. */
  readonly exports: unknown;
  /** The string entry fields that name one file: `main`, `module`, `types`, `typings`, `source`. */
  readonly fields: Readonly<
    Partial<Record<"main" | "module" | "types" | "typings" | "source", string>>
  >;
  /** `bin` by command name (a string `bin` is named after the package). */
  readonly bin: Readonly<Record<string, string>>;
  /** `scripts` by name. */
  readonly scripts: Readonly<Record<string, string>>;
  /** Every dependency name, of any kind (dependencies, dev, peer, optional). */
  readonly dependencies: ReadonlySet<string>;
  /** `packageManager`, such as `pnpm@10.4.0`, or `undefined`. */
  readonly packageManager: string | undefined;
}

/**
 * Reads a folder's `package.json`.
 *
 * @param dir - the package folder
 * @returns the manifest; `undefined` when there is no `package.json` or it is not a JSON object
 * @example
 * ```ts
 * readManifest("/repo/packages/cache")?.name; // "@ladder/cache"
 * ```
 */
export function readManifest(dir: string): PackageManifest | undefined {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  } catch {
    return undefined;
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return undefined;
  const raw = json as Record<string, unknown>;
  const name = typeof raw.name === "string" && raw.name !== "" ? raw.name : basename(dir);
  return {
    name,
    private: raw.private === true,
    exports: raw.exports,
    fields: entryFields(raw),
    bin: binOf(raw.bin, name),
    scripts: stringRecord(raw.scripts),
    dependencies: new Set(
      ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"].flatMap(
        (key) => Object.keys(stringRecord(raw[key])),
      ),
    ),
    packageManager: typeof raw.packageManager === "string" ? raw.packageManager : undefined,
  };
}

function entryFields(raw: Record<string, unknown>): PackageManifest["fields"] {
  const fields: Partial<Record<"main" | "module" | "types" | "typings" | "source", string>> = {};
  for (const key of ["main", "module", "types", "typings", "source"] as const) {
    const value = raw[key];
    if (typeof value === "string" && value !== "") fields[key] = value;
  }
  return fields;
}

function binOf(value: unknown, name: string): Record<string, string> {
  if (typeof value === "string") return { [name.replace(/^@[^/]+\//, "")]: value };
  return stringRecord(value);
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
}
