/**
 * Reads a path as git prints it in a diff header. A path with a double quote, a backslash or a
 * control character (a tab, a newline) is printed in double quotes with C escapes, whatever
 * `core.quotePath` says; with `core.quotePath=false` (as the gate runs git) bytes above 0x7f
 * come through as they are, so `ünï.ts` needs no decoding.
 */

const ESCAPES: Readonly<Record<string, number>> = {
  a: 7,
  b: 8,
  t: 9,
  n: 10,
  v: 11,
  f: 12,
  r: 13,
  '"': 34,
  "\\": 92,
};

/**
 * Reads a C-quoted path from the start of `text`, or returns the text as it is when it does not
 * start with a double quote.
 *
 * @param text - a header value: `"a/tab\there.ts"` or `a/plain.ts`
 * @returns the path, and whatever followed the closing quote (`""` for an unquoted path)
 * @example
 * ```ts
 * unquotePath('"b/q\\"uote.ts"'); // { path: 'b/q"uote.ts', rest: "" }
 * unquotePath('"b/\\303\\274.ts" tail'); // { path: "b/ü.ts", rest: " tail" }
 * ```
 */
export function unquotePath(text: string): { path: string; rest: string } {
  if (!text.startsWith('"')) return { path: text, rest: "" };
  const bytes: number[] = [];
  let index = 1;
  while (index < text.length && text[index] !== '"') {
    if (text[index] !== "\\") {
      // Raw characters (non-ASCII ones, with core.quotePath=false) by code point, so an emoji's
      // surrogate pair stays one character.
      const char = String.fromCodePoint(text.codePointAt(index) ?? 0);
      bytes.push(...Buffer.from(char, "utf8"));
      index += char.length;
      continue;
    }
    const octal = /^[0-7]{3}/.exec(text.slice(index + 1, index + 4));
    if (octal !== null) {
      bytes.push(Number.parseInt(octal[0], 8));
      index += 4;
    } else {
      bytes.push(ESCAPES[text[index + 1] ?? ""] ?? 92);
      index += 2;
    }
  }
  return { path: Buffer.from(bytes).toString("utf8"), rest: text.slice(index + 1) };
}
