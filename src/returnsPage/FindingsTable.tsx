/** Findings as a table: kind (in plain words), sheet, cell and message, sorted by kind, sheet and cell. */
import * as React from "react";
import type { Finding } from "../returns/types";
import { KIND_LABELS, sortFindings } from "./format";

export function FindingsTable({ findings, caption, showFile = false, testId }: { findings: readonly Finding[]; caption: string; showFile?: boolean; testId?: string }): React.JSX.Element {
  return (
    <table className="findings" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Kind</th>
          {showFile && <th scope="col">Files</th>}
          <th scope="col">Sheet</th>
          <th scope="col">Cell</th>
          <th scope="col">What is wrong, and what to do</th>
        </tr>
      </thead>
      <tbody>
        {sortFindings(findings).map((f, i) => (
          <tr key={i} data-kind={f.kind} data-sheet={f.sheet ?? ""} data-cell={f.cell ?? ""} data-file={f.file ?? ""}>
            <td>{KIND_LABELS[f.kind] ?? f.kind}</td>
            {showFile && <td>{f.file ?? ""}</td>}
            <td>{f.sheet ?? ""}</td>
            <td>{f.cell ?? ""}</td>
            <td>{f.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
