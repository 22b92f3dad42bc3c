/**
 * JSDoc-style `@param` names that TSDoc does not read: `options.x` and `options[].x` document a
 * property of the parameter `options`, `[x]` and `[x=1]` an optional parameter `x`. The collector
 * reads them into plain names and the rubric matches them to parameters; both go through here.
 */

/** What a JSDoc `@param` name says, once read. */
export interface ParamName {
  /** The name without brackets or default: `x`, `options.x`, `options[].x`; empty when none. */
  readonly name: string;
  /** The description after the name and its hyphen, trimmed. */
  readonly description: string;
}

/**
 * A `{type}`, then a name (bracketed, perhaps with a default), then an optional hyphen and the
 * description. A hyphen where the name should be means the name is missing.
 */
const JSDOC_PARAM = /^(?:\{[^}]*\}\s*)?(\[[^\]]*\]|(?!-)\S+)?\s*(?:-\s*)?([\s\S]*)$/;

/**
 * Reads the name and description of a `@param` block whose name TSDoc rejected (it leaves the
 * whole text in the block's content).
 *
 * @param text - the block's content as plain text, starting where the name should be
 * @returns the name (empty when there is none) and the description
 * @example
 * ```ts
 * readParamName("[options.retries=3] - how often to try");
 * // { name: "options.retries", description: "how often to try" }
 * ```
 */
export function readParamName(text: string): ParamName {
  const [, written = "", description = ""] = JSDOC_PARAM.exec(text.trim()) ?? [];
  const bare = written.startsWith("[") ? written.slice(1, -1) : written;
  const withoutDefault = bare.split("=", 1)[0] ?? "";
  return { name: withoutDefault.trim(), description: description.trim() };
}

/**
 * The parameter a documented name belongs to: itself for a plain name, the part before the first
 * `.` or `[` for a property path.
 *
 * @param name - a `@param` name as read (`options`, `options.x`, `options[].x`)
 * @returns the parameter's name
 * @example
 * ```ts
 * paramRoot("options.retries"); // "options"
 * ```
 */
export function paramRoot(name: string): string {
  const end = name.search(/[.[]/);
  return end < 0 ? name : name.slice(0, end);
}
