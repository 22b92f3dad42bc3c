// Number formatting and plain-text / Markdown table rendering.

/**
 * Formats a number compactly: 12.3M, 456k, 7.89.
 *
 * @param {number} value - the number
 * @returns {string} the text
 */
export function compact(value) {
  if (!Number.isFinite(value)) return "—";
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${(value / 1e6).toFixed(2)}M`;
  if (abs >= 1e4) return `${(value / 1e3).toFixed(0)}k`;
  if (abs >= 100) return value.toFixed(0);
  return value.toFixed(abs >= 10 ? 1 : 2);
}

/**
 * Formats a ratio as `1.23×`.
 *
 * @param {number} value - the ratio
 * @returns {string} the text
 */
export function ratio(value) {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : "—";
}

/**
 * Formats a fraction as a percentage.
 *
 * @param {number} value - 0..1
 * @returns {string} the text
 */
export function percent(value) {
  return Number.isFinite(value) ? `${(value * 100).toFixed(1)} %` : "—";
}

/**
 * Renders rows as an aligned plain-text table.
 *
 * @param {string[]} header - column titles
 * @param {string[][]} rows - cells
 * @returns {string} the table
 */
export function textTable(header, rows) {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
      )
      .join("  ");
  return [
    line(header),
    widths.map((width) => "-".repeat(width)).join("  "),
    ...rows.map(line),
  ].join("\n");
}

/**
 * Renders rows as a Markdown table, first column left-aligned, others right-aligned.
 *
 * @param {string[]} header - column titles
 * @param {string[][]} rows - cells
 * @returns {string} the table
 */
export function markdownTable(header, rows) {
  // Escaped so a check named `__proto__` stays text instead of turning bold under Prettier.
  const escape = (cell) => cell.replaceAll(/[|_*\\]/g, (char) => `\\${char}`);
  const line = (cells) => `| ${cells.map(escape).join(" | ")} |`;
  const align = header.map((_, column) => (column === 0 ? ":--" : "--:"));
  return [line(header), line(align), ...rows.map(line)].join("\n");
}
