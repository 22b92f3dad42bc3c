/**
 * `template-package-name`: replace this summary with what the package offers; every export
 * below is scored by the quality gate for its documentation and types.
 *
 * @packageDocumentation
 */

/** One item this package works with. Replace the fields with your domain's. */
export interface TemplateNameItem {
  /** Display name, never empty. */
  readonly name: string;
  /** Free-form labels, shown in order. */
  readonly tags: readonly string[];
}

/**
 * Renders an item as one line for logs and listings: its name, then its tags in parentheses.
 *
 * @param item - the item to render
 * @returns `name (tag, tag)`, or just `name` when it has no tags
 * @throws RangeError when the name is empty
 * @example
 * ```ts
 * describeTemplateName({ name: "first", tags: ["new"] }); // "first (new)"
 * ```
 */
export function describeTemplateName(item: TemplateNameItem): string {
  if (item.name === "") throw new RangeError("An item needs a non-empty name.");
  return item.tags.length === 0 ? item.name : `${item.name} (${item.tags.join(", ")})`;
}
