/**
 * A scaffolded thing's name in every spelling a template needs, derived one way so `UserCache`,
 * `user-cache` and `userCache` always name the same module.
 */
import { QualityGateError } from "../errors.js";

/** One name, spelled for each place it appears. */
export interface DerivedNames {
  /** Types and classes: `UserCache`. */
  readonly pascal: string;
  /** Values and functions: `userCache`. */
  readonly camel: string;
  /** File names and telemetry channels: `user-cache`. */
  readonly kebab: string;
  /** Constants: `USER_CACHE`. */
  readonly constant: string;
}

// Letters and digits, words split by `-`, `_` or case; nothing that could be a path.
const VALID_NAME = /^[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*$/;
// The longest kebab-case spelling: it becomes file names (`user-cache.test.ts`, a package folder),
// which must fit the 255-byte limit of common file systems with room for the template's suffixes.
const MAX_KEBAB_LENGTH = 100;
// Words that cannot name a binding in a module (strict mode): ECMAScript's reserved words, those
// reserved in strict mode and modules, and the two names strict mode forbids declaring.
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends " +
    "false finally for function if import in instanceof new null return super switch this throw " +
    "true try typeof var void while with yield let static implements interface package private " +
    "protected public await eval arguments"
  ).split(" "),
);
// One word: an acronym (`HTTP` in `HTTPClient`), a capitalized or lower-case word, or digits.
const WORD = /[A-Z]+[0-9]*(?![a-z])|[A-Z]?[a-z]+[0-9]*|[0-9]+/g;

/**
 * Derives every spelling of a name given in any of them (`UserCache`, `userCache`, `user-cache`,
 * `user_cache`, `HTTPClient`).
 *
 * @param name - the name the user typed
 * @returns the name in PascalCase, camelCase, kebab-case and CONSTANT_CASE
 * @throws {@link QualityGateError} `BAD_NAME` when the name is not letters and digits starting
 *   with a letter (with `-` or `_` between words), longer than 100 characters as a file name,
 *   or spelled in camelCase a word JavaScript reserves (`delete`, `class`, `await`)
 * @example
 * ```ts
 * deriveNames("UserCache"); // { pascal: "UserCache", camel: "userCache", kebab: "user-cache", constant: "USER_CACHE" }
 * ```
 */
export function deriveNames(name: string): DerivedNames {
  if (!VALID_NAME.test(name)) {
    throw new QualityGateError(
      "BAD_NAME",
      `${JSON.stringify(name)} is not a valid name: use letters and digits starting with a letter, such as UserCache or user-cache.`,
    );
  }
  const words = name
    .split(/[-_]/)
    .flatMap((part) => [...part.matchAll(WORD)].map(([word]) => word.toLowerCase()));
  const kebab = words.join("-");
  if (kebab.length > MAX_KEBAB_LENGTH) {
    throw new QualityGateError(
      "BAD_NAME",
      `${JSON.stringify(`${name.slice(0, 24)}…`)} (${String(name.length)} characters) is too long: a name is at most ${String(MAX_KEBAB_LENGTH)} characters in kebab-case, the spelling used for file names.`,
    );
  }
  const pascal = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
  const camel = pascal.charAt(0).toLowerCase() + pascal.slice(1);
  if (RESERVED.has(camel)) {
    throw new QualityGateError(
      "BAD_NAME",
      `${JSON.stringify(name)} is not a valid name: spelled for a value it is ${camel}, a reserved word in JavaScript; choose another, such as ${camel}-item.`,
    );
  }
  return {
    pascal,
    camel,
    kebab,
    constant: words.join("_").toUpperCase(),
  };
}
