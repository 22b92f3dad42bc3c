/** The formatting rung's default Prettier options, which `init` writes a config to extend. */
import type { Config } from "prettier";

/**
 * Prettier's defaults at a 98-column width, the seed's `.formatter.exs` line length.
 *
 * @example
 * ```ts
 * // prettier.config.mjs
 * export { gatePrettierConfig as default } from "@ladder/quality-gate";
 * ```
 */
export const gatePrettierConfig: Config = { printWidth: 98 };
