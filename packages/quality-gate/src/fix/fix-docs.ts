/**
 * Rung 7's fixes, through ts-morph's JSDoc nodes: the tags a signature determines and the comment
 * lacks (`@param` for each undocumented parameter, in order; `@returns`; `@throws` for a body that
 * throws), written with empty descriptions, and `@param` tags of parameters that no longer exist
 * removed. Existing text is kept as it is. Nothing is invented: a summary, an example or a
 * description is a person's to write, so the rung keeps failing until they do.
 */
import { Node } from "ts-morph";
import type { JSDoc, JSDocTag, JSDocTagStructure, OptionalKind, SourceFile } from "ts-morph";
import type { Finding } from "../ladder/finding.js";
import { left } from "./fix-outcome.js";
import type { FixOutcome } from "./fix-outcome.js";
import type { LocatedFinding } from "./fix-types.js";
import { findDeclaration } from "./locate-declaration.js";

/** A tag to write and where it belongs among the others (see {@link rankOf}). */
interface NewTag {
  readonly structure: OptionalKind<JSDocTagStructure>;
  readonly rank: number;
}

const PARAM_RANK = 100;
const RETURNS_RANK = 1000;
const THROWS_RANK = 1100;
const OTHER_RANK = 1200;

/**
 * Writes the tag skeletons of a file's rung 7 findings.
 *
 * @param file - the source file
 * @param targets - its rung 7 findings, located
 * @returns one outcome per finding, in order
 * @example
 * ```ts
 * fixDocs(file, targets).map((outcome) => outcome.status); // ["drafted", "fixed", "left"]
 * ```
 */
export function fixDocs(file: SourceFile, targets: readonly LocatedFinding[]): FixOutcome[] {
  const byDeclaration = new Map<number, LocatedFinding[]>();
  for (const target of targets) {
    const group = byDeclaration.get(target.key.index) ?? [];
    group.push(target);
    byDeclaration.set(target.key.index, group);
  }
  const outcomes = new Map<LocatedFinding, FixOutcome>();
  for (const group of byDeclaration.values()) {
    for (const [target, outcome] of fixDeclaration(file, group)) outcomes.set(target, outcome);
  }
  return targets.map((target) => outcomes.get(target) ?? left(target.finding, "not fixed"));
}

function fixDeclaration(
  file: SourceFile,
  group: readonly LocatedFinding[],
): [LocatedFinding, FixOutcome][] {
  const [first] = group;
  const node = first === undefined ? undefined : findDeclaration(file, first.key);
  if (node === undefined) {
    return group.map((target) => [target, left(target.finding, "its declaration was not found")]);
  }
  const host = Node.isVariableDeclaration(node) ? node.getVariableStatementOrThrow() : node;
  if (!Node.isJSDocable(host)) {
    return group.map((target) => [target, left(target.finding, "it cannot carry a doc comment")]);
  }
  const names = paramNames(node);
  const results: [LocatedFinding, FixOutcome][] = [];
  const wanted: NewTag[] = [];
  for (const target of group) {
    const tag = planTag(target, commentOf(host), names, wanted);
    results.push([target, tag]);
  }
  writeTags(host, wanted, names);
  return results;
}

/** The comment the scorer reads: the last doc comment before the declaration, unless it is the package's. */
function commentOf(host: Node & { getJsDocs(): JSDoc[] }): JSDoc | undefined {
  const doc = host.getJsDocs().at(-1);
  return doc?.getText().includes("@packageDocumentation") === true ? undefined : doc;
}

/** What to do about one finding: a tag to add (pushed to `wanted`), a stale one to remove, or nothing. */
function planTag(
  target: LocatedFinding,
  doc: JSDoc | undefined,
  names: readonly (string | undefined)[],
  wanted: NewTag[],
): FixOutcome {
  const { finding } = target;
  const [check, subject] = splitCode(finding.code ?? "");
  const tags = doc?.getTags() ?? [];
  if (check === "stale-param") return removeStale(finding, tags, subject);
  const skeleton = skeletonFor(check, subject, names);
  if (skeleton === undefined) return left(finding, forAPerson(check));
  if (tags.some((tag) => sameTag(tag, check, subject))) {
    return left(finding, `write the text of its @${skeleton.structure.tagName} tag`);
  }
  wanted.push(skeleton);
  const tag = check === "param" ? `@param ${subject}` : `@${check}`;
  return { finding, status: "drafted", note: `added ${tag}; its text is yours to write` };
}

function removeStale(finding: Finding, tags: readonly JSDocTag[], name: string): FixOutcome {
  const stale = tags.find((tag) => tagName(tag) === "param" && paramOf(tag) === name);
  if (stale === undefined) return left(finding, `no @param ${name} tag was found`);
  stale.remove();
  return { finding, status: "fixed", note: `removed @param ${name}` };
}

function splitCode(code: string): [string, string] {
  const colon = code.indexOf(":");
  return colon < 0 ? [code, ""] : [code.slice(0, colon), code.slice(colon + 1)];
}

/** The tag a check needs, with an empty description; `undefined` for checks a person must meet. */
function skeletonFor(
  check: string,
  subject: string,
  names: readonly (string | undefined)[],
): NewTag | undefined {
  if (check === "param") {
    const index = names.indexOf(subject);
    const rank = PARAM_RANK + (index < 0 ? names.length : index);
    return { structure: { tagName: "param", text: `${subject} -` }, rank };
  }
  if (check === "returns") return { structure: { tagName: "returns" }, rank: RETURNS_RANK };
  if (check === "throws") return { structure: { tagName: "throws" }, rank: THROWS_RANK };
  return undefined;
}

function forAPerson(check: string): string {
  if (check === "summary" || check === "informative") {
    return "a summary says what the code is for; only a person can write it";
  }
  if (check === "example") return "an example shows a real use; only a person can write it";
  return "not a tag the signature determines; see the finding's message";
}

/** Whether an existing tag is the one a check asks for (then only its text is missing). */
function sameTag(tag: JSDocTag, check: string, subject: string): boolean {
  const name = tagName(tag);
  if (check === "param") return name === "param" && paramOf(tag) === subject;
  if (check === "returns") return name === "returns";
  return check === "throws" && name === "throws";
}

/** A tag's name, JSDoc's synonyms as TSDoc's (`@return` → `returns`). */
function tagName(tag: JSDocTag): string {
  const name = tag.getTagName();
  if (name === "return") return "returns";
  if (name === "throw" || name === "exception") return "throws";
  return name === "arg" || name === "argument" ? "param" : name;
}

/** The parameter a `@param` tag names (`options.x` for a property path, brackets dropped). */
function paramOf(tag: JSDocTag): string {
  if (Node.isJSDocParameterTag(tag)) return tag.getNameNode().getText();
  return /^\s*\[?([\w$.]+)/.exec(tag.getCommentText() ?? "")?.[1] ?? "";
}

/** The signature's parameter names in order (`undefined` for a destructured one), `this` left out. */
function paramNames(node: Node): (string | undefined)[] {
  let signature: Node | undefined = node;
  if (Node.isVariableDeclaration(node)) signature = node.getInitializer();
  if (Node.isTypeAliasDeclaration(node)) signature = node.getTypeNode();
  if (signature === undefined || !Node.isParametered(signature)) return [];
  return signature
    .getParameters()
    .map((param) => {
      const name = param.getNameNode();
      return Node.isIdentifier(name) ? name.getText() : undefined;
    })
    .filter((name) => name !== "this");
}

/**
 * Inserts the tags, each on its own line before the first existing tag that belongs after it
 * (or last), leaving every existing line as it is; a comment of a summary alone gains a blank
 * line before its first tag, and a one-line comment becomes a block.
 */
function writeTags(
  host: Node & { getJsDocs(): JSDoc[] },
  wanted: readonly NewTag[],
  names: readonly (string | undefined)[],
): void {
  if (wanted.length === 0) return;
  const sorted = [...wanted].sort((a, b) => a.rank - b.rank);
  const doc = commentOf(host);
  if (doc === undefined) {
    const indent = " ".repeat(host.getStart() - host.getStartLinePos());
    const tags = sorted.map((tag) => `${tagText(tag, indent)}\n`).join("");
    host.getSourceFile().insertText(host.getStart(), `/**\n${tags}${indent} */\n${indent}`);
    return;
  }
  const indent = " ".repeat(doc.getStart() - doc.getStartLinePos());
  const lines = blockLines(doc.getText(), indent);
  const tags = doc.getTags();
  const tagLines = tags.map((tag) => lineOf(doc, tag));
  const ranks = tags.map((tag) => rankOf(tag, names));
  const closing = lines.length - 1;
  // From the last insertion point up, so earlier line numbers stay right.
  const inserts = sorted.map((tag) => {
    const index = ranks.findIndex((rank) => rank > tag.rank);
    return { at: index < 0 ? closing : (tagLines[index] ?? closing), text: tagText(tag, indent) };
  });
  for (const { at, text } of [...inserts].reverse()) lines.splice(at, 0, text);
  if (tags.length === 0 && lines.length - inserts.length > 2) {
    lines.splice(closing, 0, `${indent} *`);
  }
  // Raw text: replaceWithText would indent the comment's lines a second time.
  doc.getSourceFile().replaceText([doc.getStart(), doc.getEnd()], lines.join("\n"));
}

/** A doc comment's lines, `*\/` on a line of its own. */
function blockLines(text: string, indent: string): string[] {
  if (!text.includes("\n")) {
    const content = text.slice(3, -2).trim();
    return ["/**", `${indent} * ${content}`, `${indent} */`];
  }
  const lines = text.split("\n");
  const last = lines.at(-1) ?? "";
  const before = last.slice(0, last.lastIndexOf("*/")).trimEnd();
  if (before.replace(/^\s*\*?/, "") !== "") lines.splice(-1, 1, before, `${indent} */`);
  return lines;
}

/** The line of the comment (0 its first) where a tag starts. */
function lineOf(doc: JSDoc, tag: JSDocTag): number {
  return (
    doc
      .getText()
      .slice(0, tag.getStart() - doc.getStart())
      .split("\n").length - 1
  );
}

function tagText(tag: NewTag, indent: string): string {
  const { tagName: name, text } = tag.structure;
  const rest = typeof text === "string" && text !== "" ? ` ${text}` : "";
  return `${indent} * @${name}${rest}`;
}

/** Where a tag sits in the usual order: params by position, then returns, throws, the rest. */
function rankOf(tag: JSDocTag, names: readonly (string | undefined)[]): number {
  const name = tagName(tag);
  if (name === "typeParam" || name === "template" || name === "remarks") return PARAM_RANK - 1;
  if (name === "param") {
    const index = names.indexOf(paramOf(tag).split(".")[0]);
    return PARAM_RANK + (index < 0 ? names.length : index);
  }
  if (name === "returns") return RETURNS_RANK;
  return name === "throws" ? THROWS_RANK : OTHER_RANK;
}
