/** A table of input rows with remove buttons and an "add" button: stream lines, places, parties. */
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";

const useStyles = makeStyles({
  table: { width: "100%", borderCollapse: "collapse", tableLayout: "fixed" },
  caption: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, padding: "4px 0" },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    padding: "2px 2px 4px",
    verticalAlign: "bottom",
  },
  td: { padding: "2px" },
  remove: { width: "32px" },
  add: { marginTop: "4px" },
});

export interface RowSpec {
  key: string | number;
  cells: React.ReactNode[];
  onRemove?: () => void;
  removeLabel?: string;
}

export interface RowsTableProps {
  caption: string;
  headers: React.ReactNode[];
  /** Relative column widths, e.g. ["40%", "30%", "30%"]. */
  widths?: string[];
  rows: RowSpec[];
  onAdd?: () => void;
  addLabel?: string;
}

export function RowsTable({ caption, headers, widths, rows, onAdd, addLabel }: RowsTableProps): React.JSX.Element {
  const styles = useStyles();
  const removable = rows.some((r) => r.onRemove);
  return (
    <div>
      <table className={styles.table}>
        <caption className={styles.caption}>{caption}</caption>
        <colgroup>
          {headers.map((_, i) => (
            <col key={i} style={widths?.[i] ? { width: widths[i] } : undefined} />
          ))}
          {removable && <col className={styles.remove} />}
        </colgroup>
        <thead>
          <tr>
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
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) => (
                <td key={i} className={styles.td}>
                  {cell}
                </td>
              ))}
              {removable && (
                <td className={styles.td}>
                  {row.onRemove && <Button size="small" appearance="subtle" icon={<DeleteRegular />} aria-label={row.removeLabel} title={row.removeLabel} onClick={row.onRemove} />}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {onAdd && (
        <Button className={styles.add} size="small" icon={<AddRegular />} onClick={onAdd}>
          {addLabel}
        </Button>
      )}
    </div>
  );
}

/** A read-only table for previews. */
export function PreviewTable({ caption, headers, rows, footer }: { caption: string; headers: string[]; rows: React.ReactNode[][]; footer?: React.ReactNode[] }): React.JSX.Element {
  const styles = useStyles();
  const num = (i: number) => (i === 0 ? undefined : { textAlign: "right" as const });
  return (
    <table className={styles.table} data-preview={caption}>
      <caption className={styles.caption}>{caption}</caption>
      <thead>
        <tr>
          {headers.map((h, i) => (
            <th key={h} scope="col" className={styles.th} style={num(i)}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cells, r) => (
          <tr key={r}>
            {cells.map((c, i) => (
              <td key={i} className={styles.td} style={num(i)}>
                {c}
              </td>
            ))}
          </tr>
        ))}
        {footer && (
          <tr>
            {footer.map((c, i) => (
              <th key={i} scope={i === 0 ? "row" : undefined} className={styles.th} style={{ ...num(i), borderTop: `1px solid ${tokens.colorNeutralStroke1}` }}>
                {c}
              </th>
            ))}
          </tr>
        )}
      </tbody>
    </table>
  );
}
