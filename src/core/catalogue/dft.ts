import { ArgReader } from "../args";
import { ArgValue, Cell, describeShape, isBlank, isGrid, shapeOf } from "../cells";
import { IcsError, icsError, isErrorValue, propagated } from "../errors";
import { Decimal, toNumber } from "../money";
import { distanceFromTarget } from "../rules/dft";
import { COMMON_ERRORS, FunctionSpec, column } from "./types";

/** One side of the ratio: a single value, or the cells of an n×1 column (a 1×n row counts the same). */
type Side = { kind: "one"; cell: Cell } | { kind: "column"; cells: Cell[] };

function readSide(reader: ArgReader, argument: string, value: ArgValue): Side {
  if (value === undefined) throw icsError(reader.site(argument), "is required");
  if (!isGrid(value) || (value.length === 1 && value[0].length === 1)) return { kind: "one", cell: isGrid(value) ? value[0][0] : value };
  const shape = shapeOf(value)!;
  if (shape.rows > 1 && shape.cols > 1) throw icsError(reader.site(argument), `expected a single value or a single column, got a ${describeShape(shape)} range`);
  return { kind: "column", cells: reader.columnCells(argument, value) };
}

/** (allocation − target) / target for one pair of cells; `row` names the row in messages when a column is involved. */
function distance(reader: ArgReader, allocationCell: Cell, targetCell: Cell, allocationRow?: number, targetRow?: number): number {
  const allocation = reader.cellNumber(allocationCell, reader.site("allocation", allocationRow));
  const target = reader.cellNumber(targetCell, reader.site("target", targetRow));
  if (allocation === undefined) throw icsError(reader.site("allocation", allocationRow), "expected a number, got a blank cell");
  if (target === undefined) throw icsError(reader.site("target", targetRow), "expected a number, got a blank cell");
  const t = new Decimal(target);
  if (t.isZero()) throw icsError(reader.site("target", targetRow), "is zero; a distance from target needs a target above 0", "#DIV/0!");
  if (t.isNegative()) throw icsError(reader.site("target", targetRow), `expected a target above 0, got ${t.toString()}`);
  return toNumber(distanceFromTarget(new Decimal(allocation), t));
}

export const DFT: FunctionSpec = {
  name: "DFT",
  description:
    "Distance from target: (allocation − target) / target, positive when funded above fair share. Unrounded: format the cell as a percentage. Either argument may be an n×1 column (the other a column of the same length, or one value): the result then spills one distance per row.",
  args: [
    { name: "allocation", kind: "range", optional: false, help: "The allocation actually received (or planned): one value, or an n×1 column (e.g. 42 ICBs)." },
    { name: "target", kind: "range", optional: false, help: "The fair-share target allocation, in the same units; more than 0. One value, or an n×1 column the same length as allocation." },
  ],
  result: {
    kind: "spill",
    describe:
      "The distance from target as a fraction (0.03 is 3% above target, −0.015 is 1.5% below), unrounded: one number, or n×1 with one per row (a row blank in both is left blank; a problem in one row is that row's error).",
    size: ([allocation, target]) => {
      const rows = Math.max(column(allocation).rows, column(target).rows);
      return { rows, cols: 1 };
    },
  },
  examples: [
    { formula: "=ICS.DFT(2060000,2000000)", result: "0.03" },
    { formula: "=ICS.DFT(1970000,2000000)", result: "-0.015" },
    { formula: "=ICS.DFT(100,0)", result: "#DIV/0!\tICS.DFT: target: is zero; a distance from target needs a target above 0" },
    // A table of systems in one formula: allocations against their targets, row by row.
    { formula: "=ICS.DFT({2060000;1970000;1500000},{2000000;2000000;1500000})", result: "0.03\n-0.015\n0" },
    // A column against one target.
    { formula: "=ICS.DFT({2060000;1970000},2000000)", result: "0.03\n-0.015" },
  ],
  errors: [
    ...COMMON_ERRORS,
    { code: "#VALUE!", when: "target is negative; with columns, in that row only" },
    { code: "#VALUE!", when: "allocation and target are columns of different lengths (naming both), or either is wider than one column" },
    { code: "#DIV/0!", when: "target is zero; with columns, in that row only" },
  ],
  compute: ([allocationArg, targetArg]) => {
    const reader = new ArgReader("DFT");
    const allocation = readSide(reader, "allocation", allocationArg);
    const target = readSide(reader, "target", targetArg);
    if (allocation.kind === "one" && target.kind === "one") return distance(reader, allocation.cell, target.cell);
    if (allocation.kind === "column" && target.kind === "column") reader.sameLength("target", target.cells.length, "allocation", allocation.cells.length);
    // The single side is read once: its problem is the whole result's.
    const one = allocation.kind === "one" ? allocation : target.kind === "one" ? target : undefined;
    if (one) {
      const argument = one === allocation ? "allocation" : "target";
      const cell = one.cell;
      if (isErrorValue(cell)) throw propagated(cell);
      if (isBlank(cell)) throw icsError(reader.site(argument), "expected a number, got a blank cell");
      const n = reader.cellNumber(cell, reader.site(argument));
      if (argument === "target" && n === 0) throw icsError(reader.site("target"), "is zero; a distance from target needs a target above 0", "#DIV/0!");
      if (argument === "target" && n !== undefined && n < 0) throw icsError(reader.site("target"), `expected a target above 0, got ${n}`);
    }
    const rows = allocation.kind === "column" ? allocation.cells.length : (target as { cells: Cell[] }).cells.length;
    const out: Cell[][] = [];
    for (let r = 0; r < rows; r++) {
      const a = allocation.kind === "column" ? allocation.cells[r] : allocation.cell;
      const t = target.kind === "column" ? target.cells[r] : target.cell;
      if (allocation.kind === "column" && target.kind === "column" && isBlank(a) && isBlank(t)) {
        out.push([""]);
        continue;
      }
      try {
        out.push([distance(reader, a, t, allocation.kind === "column" ? r + 1 : undefined, target.kind === "column" ? r + 1 : undefined)]);
      } catch (e) {
        if (!(e instanceof IcsError)) throw e;
        out.push([e.toValue()]);
      }
    }
    return out;
  },
};
