/** The grid shows cells with the number formats the engine's TEXT uses: one module for both. */
export { formatNumber, general } from "../format/numberFormat";
export type { Shown } from "../format/numberFormat";
