/**
 * A table of input rows (stream lines, places, parties, bands, what-ifs) that stays readable at
 * any pane width: a table while every column gets room, one card per row below that (Excel's pane
 * can be 320 px). Rows are numbered; a cell's problem shows under it; removing a row moves focus
 * to the row that takes its place; and a block pasted from a spreadsheet (tab-separated, as Excel
 * copies it) into any cell is previewed, then fills the rows from there.
 */
import * as React from "react";
import { Button, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import { PastePlan, firstRowIsHeadings, isBlock, parseClipboard, pastePlan } from "../wizards/paste";
import { useAnnounce } from "./announce";

const useStyles = makeStyles({
  wrap: { minWidth: 0, maxWidth: "100%" },
  table: { width: "100%", borderCollapse: "collapse", tableLayout: "fixed" },
  caption: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, padding: "4px 0" },
  heading: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, margin: "4px 0" },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    padding: "2px 2px 4px",
    verticalAlign: "bottom",
    overflowWrap: "anywhere",
  },
  number: { width: "28px", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, textAlign: "right", paddingRight: "4px", verticalAlign: "top", paddingTop: "6px" },
  td: { padding: "2px", verticalAlign: "top" },
  remove: { width: "32px" },
  add: { marginTop: "4px" },
  cards: { listStyle: "none", margin: 0, padding: 0, display: "grid", gap: "8px" },
  card: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: "6px 8px 8px", minWidth: 0 },
  cardTop: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "4px", minHeight: "24px" },
  cardTitle: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere", minWidth: 0 },
  cardCells: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(112px, 1fr))", gap: "4px 8px" },
  wideCell: { gridColumn: "1 / -1" },
  cellLabel: { display: "block", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, marginBottom: "2px", overflowWrap: "anywhere" },
  paste: { border: `1px solid ${tokens.colorBrandStroke1}`, borderRadius: tokens.borderRadiusMedium, padding: "8px", margin: "4px 0 8px", display: "grid", gap: "6px", minWidth: 0, outline: "none" },
  pasteTable: { width: "100%", borderCollapse: "collapse", tableLayout: "fixed", fontSize: tokens.fontSizeBase200 },
  pasteCell: { padding: "1px 4px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap" },
});

export interface RowSpec {
  key: string | number;
  /** What the row is called in a card and for screen readers, e.g. "Place 3: Vale". */
  title: string;
  cells: React.ReactNode[];
  onRemove?: () => void;
  removeLabel?: string;
}

export interface PasteTarget {
  /** Fills the rows; the plan says from where, with which cells. */
  apply: (plan: PastePlan) => void;
}

export interface RowsTableProps {
  caption: string;
  headers: string[];
  rows: RowSpec[];
  onAdd?: () => void;
  addLabel?: string;
  /** Pasting a block of cells into the table; left out, a paste is ordinary text. */
  paste?: PasteTarget;
  /** The narrowest a column may be in table form; narrower panes get cards. */
  minColumnWidth?: number;
  /** Columns that take a card's whole width (e.g. the name). Default: the first. */
  wideColumns?: number[];
}

/** The width an element gets, as it changes (the pane can be resized). */
function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = React.useState(0);
  React.useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

function focusRow(container: HTMLElement | null, row: number, fallback: HTMLElement | null): void {
  const target = container?.querySelector<HTMLElement>(`[data-row="${row}"] input, [data-row="${row}"] select`);
  (target ?? fallback)?.focus();
}

interface Pending {
  block: string[][];
  at: { row: number; column: number };
  headings: boolean;
}

export function RowsTable({ caption, headers, rows, onAdd, addLabel, paste, minColumnWidth = 96, wideColumns = [0] }: RowsTableProps): React.JSX.Element {
  const styles = useStyles();
  const announce = useAnnounce();
  const wrap = React.useRef<HTMLDivElement>(null);
  const addButton = React.useRef<HTMLButtonElement>(null);
  const previewRef = React.useRef<HTMLDivElement>(null);
  const width = useWidth(wrap);
  const removable = rows.some((r) => r.onRemove);
  const asTable = width > 0 && width >= 28 + headers.length * minColumnWidth + (removable ? 32 : 0);
  const [focusAfter, setFocusAfter] = React.useState<number | undefined>();
  const [pending, setPending] = React.useState<Pending | undefined>();

  React.useEffect(() => {
    if (focusAfter === undefined) return;
    focusRow(wrap.current, Math.min(focusAfter, rows.length - 1), addButton.current);
    setFocusAfter(undefined);
  }, [focusAfter, rows.length]);

  React.useEffect(() => {
    if (pending) previewRef.current?.focus();
  }, [pending]);

  const remove = (index: number, row: RowSpec) => {
    row.onRemove?.();
    announce(`Removed ${row.title}.`);
    setFocusAfter(index);
  };

  const onPaste = (e: React.ClipboardEvent) => {
    if (!paste) return;
    const cell = (e.target as HTMLElement).closest<HTMLElement>("[data-column]");
    if (!cell) return;
    const block = parseClipboard(e.clipboardData.getData("text/plain"));
    if (!isBlock(block)) return;
    e.preventDefault();
    setPending({ block, at: { row: Number(cell.dataset.row), column: Number(cell.dataset.column) }, headings: firstRowIsHeadings(block) });
  };

  const plan = pending && pastePlan(pending.block, pending.at, { rows: rows.length, columns: headers.length }, pending.headings);
  const fill = () => {
    if (!paste || !plan || !pending) return;
    paste.apply(plan);
    setPending(undefined);
    announce(`Filled ${plan.rows.length} ${plan.rows.length === 1 ? "row" : "rows"} of ${caption} from the paste, from row ${plan.startRow + 1}.`);
    setTimeout(() => focusRow(wrap.current, plan.startRow, addButton.current), 0);
  };
  const cancel = () => {
    const at = pending?.at.row ?? 0;
    setPending(undefined);
    setTimeout(() => focusRow(wrap.current, at, addButton.current), 0);
  };

  const pastePreview = plan && pending && (
    <div ref={previewRef} tabIndex={-1} className={styles.paste} role="group" aria-label={`Paste into ${caption}`} data-testid="paste-preview">
      <div>
        Paste {plan.rows.length} {plan.rows.length === 1 ? "row" : "rows"} into {caption}, from row {plan.startRow + 1}, column &quot;{headers[plan.startColumn]}&quot;
        {plan.addedRows > 0 ? `, adding ${plan.addedRows} ${plan.addedRows === 1 ? "row" : "rows"}` : ""}?
        {plan.droppedColumns > 0 ? ` The last ${plan.droppedColumns} ${plan.droppedColumns === 1 ? "column does" : "columns do"} not fit the table and will be left out.` : ""}
      </div>
      <Checkbox label="The first row is headings: leave it out" checked={pending.headings} onChange={(_, d) => setPending({ ...pending, headings: Boolean(d.checked) })} />
      <table className={styles.pasteTable} aria-label="What the paste fills">
        <thead>
          <tr>
            <th scope="col" className={styles.pasteCell} style={{ width: 28 }}>
              Row
            </th>
            {headers.slice(plan.startColumn, plan.startColumn + Math.max(1, ...plan.rows.map((r) => r.length))).map((h) => (
              <th key={h} scope="col" className={styles.pasteCell} style={{ textAlign: "left" }}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {plan.rows.slice(0, 3).map((cells, r) => (
            <tr key={r}>
              <td className={styles.pasteCell}>{plan.startRow + r + 1}</td>
              {cells.map((c, i) => (
                <td key={i} className={styles.pasteCell} title={c}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {plan.rows.length > 3 && <div>… and {plan.rows.length - 3} more.</div>}
      <div className={styles.actions}>
        <Button appearance="primary" size="small" onClick={fill} disabled={plan.rows.length === 0}>
          Fill {plan.rows.length} {plan.rows.length === 1 ? "row" : "rows"}
        </Button>
        <Button size="small" onClick={cancel}>
          Cancel
        </Button>
      </div>
    </div>
  );

  const removeButton = (row: RowSpec, i: number) =>
    row.onRemove && <Button size="small" appearance="subtle" icon={<DeleteRegular />} aria-label={row.removeLabel} title={row.removeLabel} onClick={() => remove(i, row)} />;

  return (
    <div ref={wrap} className={styles.wrap} onPaste={onPaste} data-rows={caption}>
      {asTable ? (
        <table className={styles.table}>
          <caption className={styles.caption}>{caption}</caption>
          <colgroup>
            <col style={{ width: 28 }} />
            {headers.map((_, i) => (
              <col key={i} />
            ))}
            {removable && <col className={styles.remove} />}
          </colgroup>
          <thead>
            <tr>
              <th scope="col" className={styles.th}>
                #
              </th>
              {headers.map((h, i) => (
                <th key={i} scope="col" className={styles.th}>
                  {h}
                </th>
              ))}
              {removable && (
                <th scope="col" className={styles.th}>
                  <span style={{ position: "absolute", left: "-10000px" }}>Remove</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {pastePreview && (
              <tr>
                <td colSpan={headers.length + (removable ? 2 : 1)}>{pastePreview}</td>
              </tr>
            )}
            {rows.map((row, r) => (
              <tr key={row.key} data-row={r}>
                <th scope="row" className={styles.number} title={row.title}>
                  {r + 1}
                </th>
                {row.cells.map((cell, i) => (
                  <td key={i} className={styles.td} data-row={r} data-column={i}>
                    {cell}
                  </td>
                ))}
                {removable && <td className={styles.td}>{removeButton(row, r)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <>
          <div className={styles.heading} id={`${caption}-heading`.replace(/[^A-Za-z0-9_-]/g, "-")}>
            {caption}
          </div>
          {pastePreview}
          <ul className={styles.cards} aria-labelledby={`${caption}-heading`.replace(/[^A-Za-z0-9_-]/g, "-")}>
            {rows.map((row, r) => (
              <li key={row.key} className={styles.card} data-row={r}>
                <div className={styles.cardTop}>
                  <span className={styles.cardTitle}>
                    {row.title}
                  </span>
                  {removeButton(row, r)}
                </div>
                <div className={styles.cardCells}>
                  {row.cells.map((cell, i) => (
                    <div key={i} className={wideColumns.includes(i) ? styles.wideCell : undefined} data-row={r} data-column={i}>
                      <span className={styles.cellLabel} aria-hidden="true">
                        {headers[i]}
                      </span>
                      {cell}
                    </div>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {onAdd && (
        <Button ref={addButton} className={styles.add} size="small" icon={<AddRegular />} onClick={onAdd}>
          {addLabel}
        </Button>
      )}
    </div>
  );
}

/** A read-only table for previews. */
export function PreviewTable({ caption, headers, rows, footer }: { caption: string; headers: string[]; rows: React.ReactNode[][]; footer?: React.ReactNode[][] }): React.JSX.Element {
  const styles = useStyles();
  const num = (i: number) => (i === 0 ? undefined : { textAlign: "right" as const });
  return (
    <div style={{ maxWidth: "100%", overflowX: "auto" }} tabIndex={headers.length > 3 ? 0 : undefined} role={headers.length > 3 ? "region" : undefined} aria-label={headers.length > 3 ? caption : undefined}>
      <table className={styles.table} data-preview={caption} style={{ tableLayout: "auto" }}>
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            {headers.map((h, i) => (
              <th key={`${h}-${i}`} scope="col" className={styles.th} style={num(i)}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, r) => (
            <tr key={r}>
              {cells.map((c, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className={styles.td} style={{ textAlign: "left", fontWeight: tokens.fontWeightRegular }}>
                    {c}
                  </th>
                ) : (
                  <td key={i} className={styles.td} style={num(i)}>
                    {c}
                  </td>
                ),
              )}
            </tr>
          ))}
          {footer?.map((line, f) => (
            <tr key={`f${f}`}>
              {line.map((c, i) => (
                <th key={i} scope={i === 0 ? "row" : undefined} className={styles.th} style={{ ...num(i), borderTop: f === 0 ? `1px solid ${tokens.colorNeutralStroke1}` : undefined }}>
                  {c}
                </th>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
