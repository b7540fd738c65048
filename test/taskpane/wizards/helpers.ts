/** A wizard's ops written into a fresh engine workbook, with readers for the tests. */
import { EngineWorkbook } from "../../../src/workbook/engine";
import { WorkbookOp } from "../../../src/workbook/port";

export function written(ops: WorkbookOp[], workbook = new EngineWorkbook()): EngineWorkbook {
  workbook.applyNow(ops);
  return workbook;
}

/** One column of values as numbers (or whatever the cells hold). */
export function columnValues(wb: EngineWorkbook, sheet: string, range: string): unknown[] {
  return wb.readValues(sheet, range).map((row) => row[0]);
}

export function value(wb: EngineWorkbook, sheet: string, cell: string): unknown {
  return wb.readValues(sheet, cell)[0][0];
}
