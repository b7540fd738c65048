/**
 * Limits on a returned workbook, all explicit and all checked on what the file actually holds.
 * The zip limits (`ZipLimits`) bound what is inflated; these bound what is built from it.
 */
import { DEFAULT_ZIP_LIMITS, ZipLimits } from "../zip";

export interface ReadLimits extends ZipLimits {
  /** Filled cells (values and formulas) in the whole workbook; empty styled cells do not count. */
  readonly maxCells: number;
  /**
   * Characters in one formula as saved. Excel accepts 8,192 as typed; the file form is longer by
   * its `_xlfn.` prefixes. A longer formula is not read: the cell keeps its saved value, with a warning.
   */
  readonly maxFormulaLength: number;
  /**
   * Nesting of parentheses and array braces in one formula (Excel allows 64 nested functions).
   * A deeper formula is not read: the cell keeps its saved value, with a warning.
   */
  readonly maxFormulaDepth: number;
  /** Element nesting in any XML part (real parts nest under 20 deep). */
  readonly maxXmlDepth: number;
  /**
   * Characters of formula text made by filling shared formulas into their cells, in the whole
   * workbook. The only way a file's formulas outgrow its size: one long master shared over a
   * million cells would otherwise make gigabytes of text.
   */
  readonly maxSharedFormulaChars: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  ...DEFAULT_ZIP_LIMITS,
  maxCells: 2_000_000,
  maxFormulaLength: 16_384,
  maxFormulaDepth: 128,
  maxXmlDepth: 256,
  maxSharedFormulaChars: 128 * 1024 * 1024,
};
