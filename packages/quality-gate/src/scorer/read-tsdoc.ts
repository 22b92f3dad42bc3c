/**
 * Reads a `/** … *\/` comment with `@microsoft/tsdoc` into {@link DocFacts}: the summary as plain
 * text, the `@param` blocks, the presence of `@returns` / `@example` / `@throws`, `@internal`, and
 * the parser's syntax complaints, under the tags of the file's {@link TsdocDialect} (its
 * `tsdoc.json`). A reading depends only on the comment's text and the dialect.
 */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type * as TsdocLibrary from "@microsoft/tsdoc";
import type { DocBlock, DocLinkTag, DocNode, DocParamBlock, TSDocParser } from "@microsoft/tsdoc";
import { fileStamp } from "../file-stamp.js";
import { readParamName } from "./param-path.js";
import type { DocFacts } from "./symbol-facts.js";
import { STANDARD_DIALECT } from "./tsdoc-dialect.js";
import type { TsdocDialect } from "./tsdoc-dialect.js";

/** What {@link readTsdoc} returns: the facts, plus the flags that decide the public surface. */
export interface TsdocReading {
  /** The comment's facts, for the rubric. */
  readonly doc: DocFacts;
  /** Whether the comment carries `@internal`. */
  readonly internal: boolean;
  /** Whether the comment carries `@packageDocumentation`. */
  readonly packageDocumentation: boolean;
}

/** The facts of a declaration without a comment. */
export const NO_DOC: DocFacts = {
  present: false,
  summary: "",
  params: [],
  hasReturns: false,
  examples: 0,
  hasThrows: false,
  syntaxErrors: [],
};

/**
 * `@microsoft/tsdoc`, loaded on the first comment this thread parses. With the prefetch worker
 * reading the comments, the main thread usually parses none and skips the library's import
 * (about 50 ms of every run's start).
 */
type Tsdoc = typeof TsdocLibrary;
let tsdoc: Tsdoc | undefined;

function loadTsdoc(): Tsdoc {
  tsdoc ??= createRequire(import.meta.url)("@microsoft/tsdoc") as Tsdoc;
  return tsdoc;
}

/** One parser per dialect, by its key: a key names the exact `tsdoc.json` contents. */
const parsers = new Map<string, TSDocParser>();

function parserFor(dialect: TsdocDialect): TSDocParser {
  let parser = parsers.get(dialect.key);
  if (parser === undefined) {
    const library = loadTsdoc();
    const configuration = new library.TSDocConfiguration();
    dialect.configure?.(configuration);
    parser = new library.TSDocParser(configuration);
    parsers.set(dialect.key, parser);
  }
  return parser;
}

/**
 * Where a reading is kept, in memory and in what the prefetch worker hands over: the comment's
 * text, behind the dialect's key when it is not the standard one.
 *
 * @param comment - the comment's full text
 * @param dialect - the tags it is read with
 * @returns the key
 * @internal
 */
export function readingKey(comment: string, dialect: TsdocDialect): string {
  return dialect.key === "" ? comment : `${dialect.key}\n${comment}`;
}

/**
 * Recent readings by {@link readingKey}. Collection asks about the same comment twice in a row
 * (once for `@internal`, once for the facts), and parsing is the scorer's costliest step per
 * symbol.
 */
const recent = new Map<string, TsdocReading>();
const RECENT_LIMIT = 1024;

/** Readings made ahead of time on a worker thread ({@link rememberReadings}), by key. */
const prefetched = new Map<string, TsdocReading>();

/**
 * Keeps readings made elsewhere (by the prefetch worker) so {@link readTsdoc} need not parse
 * those comments again, replacing those of an earlier run.
 *
 * @param readings - each reading under its {@link readingKey}, as {@link readTsdoc} made them
 * @internal
 */
export function rememberReadings(readings: Iterable<readonly [string, TsdocReading]>): void {
  prefetched.clear(); // one run's comments at a time, however many runs a process makes
  for (const [comment, reading] of readings) prefetched.set(comment, reading);
}

/**
 * What a reading depends on besides the comment and its dialect: this reader's code and the
 * TSDoc library's version. Readings kept on disk from an earlier run are valid only under the
 * same value (and the same dialect key).
 *
 * @returns an opaque string that changes when either of them changes
 * @internal
 */
export function readerVersion(): string {
  const library = createRequire(import.meta.url)("@microsoft/tsdoc/package.json") as {
    readonly version: string;
  };
  return `${library.version}:${fileStamp(fileURLToPath(import.meta.url))}`;
}

/**
 * Parses one TSDoc comment.
 *
 * @param comment - the full comment text including the `/**` and `*\/` delimiters, or `undefined`
 *   when the declaration has none
 * @param dialect - the tags the comment may use (its file's `tsdoc.json`); the standard ones by
 *   default
 * @returns the comment's facts and its `@internal` / `@packageDocumentation` flags
 * @example
 * ```ts
 * readTsdoc("/** Adds two numbers. *\/").doc.summary; // "Adds two numbers."
 * ```
 */
export function readTsdoc(
  comment: string | undefined,
  dialect: TsdocDialect = STANDARD_DIALECT,
): TsdocReading {
  if (comment === undefined) {
    return { doc: NO_DOC, internal: false, packageDocumentation: false };
  }
  const key = readingKey(comment, dialect);
  let reading = prefetched.get(key) ?? recent.get(key);
  if (reading === undefined) {
    reading = parse(comment, parserFor(dialect));
    if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
    recent.set(key, reading);
  }
  return reading;
}

function parse(comment: string, parser: TSDocParser): TsdocReading {
  const { StandardTags } = loadTsdoc();
  const { docComment, log } = parser.parseString(comment);
  const tagNames = docComment.customBlocks.map((block) => block.blockTag.tagNameWithUpperCase);
  return {
    doc: {
      present: true,
      summary: plainText(docComment.summarySection).replace(/\s+/g, " ").trim(),
      params: docComment.params.blocks.map(paramFacts).filter((param) => param.name !== ""),
      hasReturns: hasText(docComment.returnsBlock),
      examples: tagNames.filter((tag) => tag === StandardTags.example.tagNameWithUpperCase)
        .length,
      hasThrows: docComment.customBlocks.some(
        (block) =>
          block.blockTag.tagNameWithUpperCase === StandardTags.throws.tagNameWithUpperCase &&
          hasText(block),
      ),
      syntaxErrors: log.messages.map((message) => message.unformattedText),
    },
    internal: docComment.modifierTagSet.isInternal(),
    packageDocumentation: docComment.modifierTagSet.isPackageDocumentation(),
  };
}

/**
 * Whether a block says something: an empty `@returns` (as `quality-gate fix` drafts it) is no
 * more documentation than none.
 */
function hasText(block: DocBlock | undefined): boolean {
  return block !== undefined && plainText(block.content).trim() !== "";
}

/**
 * One `@param` block. TSDoc reads `@param x - …` and `@param [x] - …`, but rejects a JSDoc-style
 * property path (`options.x`, `[options.x=1]`) with an empty name and the text left in the content
 * (and a syntax error, which stands): the name is then read from there. A block without a name at
 * all is dropped; its syntax error says what is wrong.
 */
function paramFacts(block: DocParamBlock): { name: string; described: boolean } {
  if (block.parameterName !== "") {
    return { name: block.parameterName, described: plainText(block.content).trim() !== "" };
  }
  const { name, description } = readParamName(plainText(block.content, true));
  return { name, described: description !== "" };
}

/** Renders a doc node's text, keeping link text and code spans so the summary reads as written. */
function plainText(node: DocNode, withErrors = false): string {
  let text = "";
  for (const child of node.getChildNodes()) {
    text += nodeText(child, withErrors);
  }
  return text;
}

/** A node's text; `withErrors` keeps what TSDoc could not parse (the `{` of a JSDoc `{type}`). */
function nodeText(node: DocNode, withErrors: boolean): string {
  const { DocPlainText, DocSoftBreak, DocCodeSpan, DocLinkTag, DocErrorText } = loadTsdoc();
  if (node instanceof DocPlainText) return node.text;
  if (node instanceof DocSoftBreak) return " ";
  if (node instanceof DocCodeSpan) return node.code;
  if (node instanceof DocLinkTag) return linkText(node);
  if (withErrors && node instanceof DocErrorText) return node.text;
  return plainText(node, withErrors);
}

function linkText(link: DocLinkTag): string {
  if (link.linkText !== undefined) return link.linkText;
  if (link.urlDestination !== undefined) return link.urlDestination;
  const references = link.codeDestination?.memberReferences ?? [];
  return references.map((reference) => reference.memberIdentifier?.identifier ?? "").join(".");
}
