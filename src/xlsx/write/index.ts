/**
 * The writing side of the file layer: edits to a package's XML after an xlsx library wrote it
 * (Excel 365's dynamic arrays, calcId, the add-in reference, custom properties) and cached values
 * written back into a returned workbook without losing any of its parts; and workbooks of values
 * only written from scratch (reports such as the consolidated returns). Node and browser alike.
 */
export type { CachedGrid, CachedValue, CellUpdate, SheetUpdates } from "./cells";
export { spillResult, updateCachedValues, writeCachedValues } from "./cells";
export type { AddinInFile, AddinReference, Excel365Options } from "./excel365";
export { EXCEL_365_CALC_ID, finishForExcel365 } from "./excel365";
export type { FormulaSite, ReadResult, WorkbookCells } from "./results";
export { arrayResult, resultUpdates } from "./results";
export { callsIcs, fromFileFormula, hasTypedIcsCall, icsCalls, toFileFormula } from "./formula";
export { Package, PackageError, readPackage, writePackage } from "./package";
export type { SheetValue, ValuesColumn, ValuesSheet, ValuesWorkbook } from "./valuesWorkbook";
export { SHEET_LIMITS, ValuesWorkbookError, sheetNameProblem, uniqueSheetName, writeValuesWorkbook } from "./valuesWorkbook";
