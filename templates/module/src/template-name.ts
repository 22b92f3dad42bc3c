/**
 * `TemplateName`: line items in, a checked total out. Replace the domain with yours; keep the
 * shape: typed inputs, a typed error for bad input, and no hidden state.
 */

/** One line of a `TemplateName` computation: how many units, at what price. */
export interface TemplateNameLine {
  /** Units, a non-negative integer. */
  readonly quantity: number;
  /** Price of one unit in the smallest currency unit (cents), a non-negative integer. */
  readonly unitPrice: number;
}

/**
 * Thrown when a line cannot be totalled; `index` says which line.
 *
 * @example
 * ```ts
 * try {
 *   totalTemplateName(lines);
 * } catch (error) {
 *   if (error instanceof TemplateNameError) highlight(lines[error.index]);
 * }
 * ```
 */
export class TemplateNameError extends Error {
  /** Position of the offending line in the input. */
  readonly index: number;

  /**
   * Creates the error for one bad line.
   *
   * @param index - position of the offending line
   * @param message - what is wrong and how to fix it
   * @example
   * ```ts
   * throw new TemplateNameError(2, "line 2: quantity must be a non-negative integer");
   * ```
   */
  constructor(index: number, message: string) {
    super(message);
    this.name = "TemplateNameError";
    this.index = index;
  }
}

/**
 * Adds up quantity × unit price over every line, in integer cents so no rounding creeps in.
 *
 * @param lines - the lines to add up; an empty list totals 0
 * @returns the total in the smallest currency unit
 * @throws {@link TemplateNameError} when a quantity or price is negative or not an integer
 * @example
 * ```ts
 * totalTemplateName([{ quantity: 2, unitPrice: 150 }]); // 300
 * ```
 */
export function totalTemplateName(lines: readonly TemplateNameLine[]): number {
  let total = 0;
  for (const [index, line] of lines.entries()) {
    for (const field of ["quantity", "unitPrice"] as const) {
      if (!Number.isSafeInteger(line[field]) || line[field] < 0) {
        throw new TemplateNameError(
          index,
          `line ${String(index)}: ${field} must be a non-negative integer, got ${String(line[field])}`,
        );
      }
    }
    total += line.quantity * line.unitPrice;
  }
  return total;
}
