/**
 * The playground's spreadsheet: sheet tabs, a name box and formula bar, and the active sheet as a
 * grid of cells shown with their number formats and styles. Any cell can be typed into (inputs
 * are the yellow ones); the engine recalculates at once. Keyboard: arrows move, Enter or F2 edits,
 * typing starts an entry, Delete clears, Escape cancels.
 */
import * as React from "react";
import { CellContent, CellReading } from "../workbook/port";
import { CellView, EngineWorkbook } from "../workbook/engine";
import { cellAddress, columnLetters } from "../workbook/a1";
import { formatNumber } from "./numberFormat";

const MIN_ROWS = 24;
const MIN_COLUMNS = 8;
const DEFAULT_WIDTH_PX = 64;

function widthPx(characters: number | undefined): number {
  return characters === undefined ? DEFAULT_WIDTH_PX : Math.round(characters * 7 + 5);
}

/** What the formula bar shows: the formula or the constant as typed. */
export function contentText(content: CellContent): string {
  if (content === null) return "";
  if (typeof content === "boolean") return content ? "TRUE" : "FALSE";
  return String(content);
}

interface Shown {
  text: string;
  color?: string;
  align: "left" | "right" | "center";
  title?: string;
}

export function shownValue(value: CellReading, format?: string): Shown {
  if (value === null) return { text: "", align: "left" };
  if (typeof value === "number") return { ...formatNumber(value, format), align: "right" };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", align: "center" };
  if (typeof value === "object") return { text: value.error, align: "center", color: "#C00000", title: value.message };
  return { text: value, align: "left" };
}

function cellStyle(view: CellView, shown: Shown): React.CSSProperties {
  return {
    fontWeight: view.style.bold ? 600 : undefined,
    fontStyle: view.style.italic ? "italic" : undefined,
    backgroundColor: view.style.fill,
    color: shown.color ?? view.style.fontColor,
    textAlign: view.style.horizontalAlignment ? (view.style.horizontalAlignment.toLowerCase() as "left") : shown.align,
    whiteSpace: view.style.wrapText ? "normal" : "nowrap",
  };
}

export function Grid({ workbook }: { workbook: EngineWorkbook }): React.JSX.Element {
  const [, setVersion] = React.useState(0);
  React.useEffect(() => workbook.subscribe(() => setVersion((v) => v + 1)), [workbook]);
  const sheet = workbook.activeSheet;
  const [selected, setSelected] = React.useState({ row: 0, col: 0 });
  const [draft, setDraft] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<string | undefined>();
  const grid = React.useRef<HTMLTableElement>(null);
  const bar = React.useRef<HTMLInputElement>(null);

  React.useEffect(() => {
    setSelected({ row: 0, col: 0 });
    setDraft(null);
    setNotice(undefined);
  }, [sheet]);
  React.useEffect(() => workbook.setSelection(sheet, cellAddress(selected.row, selected.col)), [workbook, sheet, selected]);
  React.useEffect(() => {
    document.getElementById(`cell-${cellAddress(selected.row, selected.col)}`)?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [selected]);

  const extent = workbook.extent(sheet);
  const rows = Math.max(extent.rows + 3, MIN_ROWS);
  const cols = Math.max(extent.cols + 1, MIN_COLUMNS);
  const address = cellAddress(selected.row, selected.col);
  const current = workbook.cell(sheet, selected.row, selected.col);

  const move = (down: number, right: number) => {
    setSelected((s) => ({ row: Math.min(Math.max(s.row + down, 0), rows - 1), col: Math.min(Math.max(s.col + right, 0), cols - 1) }));
  };
  // Focus moves at once, so keys typed straight after the first one land in the formula bar.
  const startEditing = (text: string) => {
    setNotice(undefined);
    setDraft(text);
    bar.current?.focus();
  };
  const commit = () => {
    if (draft === null) return;
    const refusal = workbook.enter(sheet, address, draft);
    if (refusal) {
      setNotice(refusal);
      return;
    }
    setDraft(null);
    move(1, 0);
    grid.current?.focus();
  };
  const cancel = () => {
    setDraft(null);
    setNotice(undefined);
    grid.current?.focus();
  };

  const onGridKey = (e: React.KeyboardEvent) => {
    const steps: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (steps[e.key]) {
      e.preventDefault();
      move(...steps[e.key]);
    } else if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      startEditing(contentText(current.content));
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      setNotice(workbook.enter(sheet, address, ""));
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      startEditing(e.key);
    }
  };

  const onBarKey = (e: React.KeyboardEvent) => {
    if (e.key === "Enter") {
      e.preventDefault();
      commit();
    } else if (e.key === "Escape") {
      e.preventDefault();
      cancel();
    }
  };

  const sheets = workbook.sheetList();
  const widths = Array.from({ length: cols }, (_, c) => widthPx(workbook.columnWidth(sheet, c)));
  const ROW_HEADER_PX = 40;
  return (
    <div className="workbook">
      <div className="formula-bar">
        <output className="name-box" aria-label="Selected cell" data-testid="name-box">
          {address}
        </output>
        <span className="fx" aria-hidden="true">
          fx
        </span>
        <input
          ref={bar}
          className="formula-input"
          aria-label={`Contents of ${address}`}
          data-testid="formula-bar"
          value={draft ?? contentText(current.content)}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onBarKey}
          onBlur={() => draft !== null && draft === contentText(current.content) && setDraft(null)}
        />
      </div>
      {notice && (
        <div className="notice" role="alert">
          {notice}
        </div>
      )}
      {/* The selected cell's message (an error's explanation), where the keyboard can reach it. */}
      <div className="cell-message" id="cell-message" aria-live="polite" data-testid="cell-message">
        {typeof current.value === "object" && current.value !== null ? `${address}: ${current.value.error}${current.value.message ? ` ${current.value.message}` : ""}` : ""}
      </div>
      <div className="grid-scroll">
        {/* The table itself is the grid (its rows, headers and cells are the grid's own children), focusable, with the selected cell as its active descendant. */}
        <table
          ref={grid}
          className="cells"
          role="grid"
          aria-label={`Sheet ${sheet}`}
          aria-rowcount={rows + 1}
          aria-colcount={cols + 1}
          aria-readonly={false}
          tabIndex={0}
          aria-activedescendant={`cell-${address}`}
          aria-describedby="cell-message"
          onKeyDown={onGridKey}
          data-testid="grid"
          style={{ width: ROW_HEADER_PX + widths.reduce((a, b) => a + b, 0) }}
        >
          <colgroup>
            <col style={{ width: ROW_HEADER_PX }} />
            {widths.map((w, c) => (
              <col key={c} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr role="row">
              <td className="corner" role="gridcell" aria-label="Row and column headings" />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} role="columnheader" scope="col" className={c === selected.col ? "header active" : "header"}>
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r} role="row">
                <th role="rowheader" scope="row" className={r === selected.row ? "header active" : "header"}>
                  {r + 1}
                </th>
                {Array.from({ length: cols }, (_, c) => workbook.cell(sheet, r, c)).map((view, c, line) => {
                  const shown = shownValue(view.value, view.format);
                  const isSelected = r === selected.row && c === selected.col;
                  // Text runs on over empty cells to its right, as in Excel.
                  const overflows = typeof view.value === "string" && !view.style.wrapText && c + 1 < line.length && line[c + 1].value === null;
                  const classes = ["cell", isSelected ? "selected" : "", view.spilled ? "spilled" : "", view.locked ? "" : "input", overflows ? "overflow" : ""].filter(Boolean).join(" ");
                  return (
                    <td
                      key={c}
                      id={`cell-${view.address}`}
                      role="gridcell"
                      aria-selected={isSelected}
                      className={classes}
                      style={cellStyle(view, shown)}
                      title={shown.title}
                      aria-description={shown.title}
                      data-address={view.address}
                      onMouseDown={() => {
                        setDraft(null);
                        setNotice(undefined);
                        setSelected({ row: r, col: c });
                      }}
                      onDoubleClick={() => startEditing(contentText(view.content))}
                    >
                      {overflows ? <span className="run-on">{shown.text}</span> : shown.text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="sheet-tabs" role="tablist" aria-label="Sheets">
        {sheets.map((name) => (
          <button key={name} role="tab" aria-selected={name === sheet} className={name === sheet ? "sheet-tab active" : "sheet-tab"} onClick={() => workbook.activate(name)}>
            {name}
          </button>
        ))}
      </div>
    </div>
  );
}
