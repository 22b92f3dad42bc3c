/**
 * Reads GitHub workflow annotations (`::error file=a.ts,line=3,col=5,title=rule::message`), the
 * one machine-readable output Biome has kept stable since 1.x: its JSON reporter is still marked
 * experimental and has changed shape between releases.
 */

/** One annotation. */
export interface Annotation {
  /** `error`, `warning` or `notice`. */
  readonly level: "error" | "warning" | "notice";
  /** The `title` (Biome's rule or category: `lint/suspicious/noDebugger`, `format`). */
  readonly title: string;
  /** The file as printed. */
  readonly file: string | undefined;
  /** 1-based line, 1 when not given. */
  readonly line: number;
  /** 1-based column, 1 when not given. */
  readonly column: number;
  /** The message. */
  readonly message: string;
}

const ANNOTATION = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/;

/**
 * Parses the annotations in a tool's output.
 *
 * @param output - what the tool printed
 * @returns the annotations, in order; other lines are ignored
 * @example
 * ```ts
 * parseAnnotations("::error title=format,file=a.ts,line=1,col=2::Formatter would have printed…");
 * ```
 */
export function parseAnnotations(output: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = ANNOTATION.exec(line);
    if (match === null) continue;
    const properties = readProperties(match[2] ?? "");
    annotations.push({
      level: match[1] as Annotation["level"],
      title: properties.get("title") ?? "",
      file: properties.get("file"),
      line: Number(properties.get("line") ?? 1) || 1,
      column: Number(properties.get("col") ?? 1) || 1,
      message: unescape(match[3] ?? ""),
    });
  }
  return annotations;
}

/** `file=a.ts,line=3` as a map, values unescaped. */
function readProperties(text: string): Map<string, string> {
  const properties = new Map<string, string>();
  for (const pair of text.split(",")) {
    const equals = pair.indexOf("=");
    if (equals > 0)
      properties.set(pair.slice(0, equals).trim(), unescape(pair.slice(equals + 1)));
  }
  return properties;
}

/** Undoes the workflow-command escapes (`%25`, `%0A`, `%2C`, `%3A`). */
function unescape(text: string): string {
  return text.replace(/%(25|0D|0A|3A|2C)/gi, (escape) => decodeURIComponent(escape));
}
