/**
 * The `informative` check: a summary that only restates the symbol's name ("Gets the foo." for
 * `getFoo`) tells the reader nothing. The idea is eslint-plugin-jsdoc's `informative-docs`.
 */

/** Words that carry no information in a summary whatever the name. */
const FILLER = new Set([
  "a",
  "an",
  "the",
  "of",
  "in",
  "i",
  "s",
  "this",
  "that",
  "is",
  "it",
  "its",
]);

/**
 * Splits an identifier into lower-case words: `getFoo` → `get`, `foo`; `TTLCache.get` → `ttl`,
 * `cache`, `get`; `max_entries` → `max`, `entries`.
 *
 * @param name - a symbol name, possibly `Owner.member`
 * @returns its words, lower-cased and singular
 * @example
 * ```ts
 * nameWords("getFooBar"); // ["get", "foo", "bar"]
 * ```
 */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== "")
    .map((word) => stem(word.toLowerCase()));
}

/**
 * Tells whether a summary says anything beyond the symbol's name.
 *
 * @param summary - the summary as plain text
 * @param name - the symbol's public name (`getFoo`, `TtlCache.get`)
 * @returns `false` when every word of the summary is a word of the name or filler
 * @example
 * ```ts
 * isInformative("Gets the foo.", "getFoo"); // false
 * isInformative("Reads foo from the cache, loading it on a miss.", "getFoo"); // true
 * ```
 */
export function isInformative(summary: string, name: string): boolean {
  const known = new Set(nameWords(name));
  // Word by word, stopping at the first that says something: most summaries do at once, and this
  // runs for every documented symbol of a repository.
  const words = /[a-z0-9]+/g;
  const text = summary.toLowerCase();
  for (let match = words.exec(text); match !== null; match = words.exec(text)) {
    const word = stem(match[0]);
    if (!known.has(word) && !FILLER.has(word)) return true;
  }
  return false;
}

/** Folds the plural and third-person `s` so "Gets the foos" matches `getFoo`. */
function stem(word: string): string {
  return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}
