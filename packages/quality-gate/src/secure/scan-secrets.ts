/**
 * A hard-coded secret scanner: AWS access keys, private key blocks, and high-entropy strings
 * assigned to names like `secret`, `token` or `password`. Values on the allow-list are skipped.
 */

/** One suspected secret in a file. */
export interface SecretHit {
  /** `aws-access-key`, `private-key` or `high-entropy-secret`. */
  readonly kind: "aws-access-key" | "private-key" | "high-entropy-secret";
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** The matched value, masked but for its first four characters, for the report. */
  readonly masked: string;
}

const AWS_ACCESS_KEY = /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g;
const PRIVATE_KEY = /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY(?: BLOCK)?-----/g;
const ASSIGNED_SECRET =
  /\b[\w$]*(?:secret|token|passw(?:or)?d|pwd|api[_-]?key|access[_-]?key|credential)[\w$]*["']?\s*[:=]\s*(["'`])([^"'`\s]{12,})\1/gi;
/** Bits per character above which a string looks random rather than written by a person. */
const ENTROPY_THRESHOLD = 3.5;

/**
 * Finds suspected secrets in one file's text.
 *
 * @param text - the file's contents
 * @param allow - values that are known not to be secrets (exact strings, or `/regex/` sources)
 * @returns every hit, in file order
 * @example
 * ```ts
 * scanSecrets('const apiKey = "AKIAIOSFODNN7EXAMPLE";', []); // one aws-access-key hit
 * ```
 */
export function scanSecrets(text: string, allow: readonly string[]): SecretHit[] {
  const allowed = allow.map(toMatcher);
  const hits: SecretHit[] = [];
  const add = (kind: SecretHit["kind"], value: string, index: number): void => {
    if (allowed.some((matches) => matches(value))) return;
    hits.push({ kind, ...position(text, index), masked: mask(value) });
  };
  for (const match of text.matchAll(AWS_ACCESS_KEY)) add("aws-access-key", match[0], match.index);
  for (const match of text.matchAll(PRIVATE_KEY)) add("private-key", match[0], match.index);
  for (const match of text.matchAll(ASSIGNED_SECRET)) {
    const value = match[2] ?? "";
    if (entropy(value) >= ENTROPY_THRESHOLD && !AWS_ACCESS_KEY.test(value)) {
      add("high-entropy-secret", value, match.index + match[0].lastIndexOf(value));
    }
    AWS_ACCESS_KEY.lastIndex = 0;
  }
  return hits.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * Shannon entropy of a string, in bits per character.
 *
 * @param value - the string
 * @returns 0 for an empty or one-letter string, up to log2 of the alphabet size
 * @example
 * ```ts
 * entropy("aaaa"); // 0
 * ```
 */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

function toMatcher(entry: string): (value: string) => boolean {
  const regex = /^\/(.+)\/([a-z]*)$/.exec(entry);
  if (regex === null) return (value) => value === entry;
  const pattern = new RegExp(regex[1] ?? "", regex[2]);
  return (value) => pattern.test(value);
}

function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split("\n").length;
  return { line, column: index - before.lastIndexOf("\n") };
}

function mask(value: string): string {
  return `${value.slice(0, 4)}${"*".repeat(Math.max(0, Math.min(value.length, 24) - 4))}`;
}
