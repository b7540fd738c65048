/**
 * Findings as a table, sorted by kind, sheet and cell: for one return, kind (in plain words),
 * sheet, cell and message; across returns (duplicates, missing returns), kind, organisation,
 * files and message.
 */
import * as React from "react";
import type { Finding } from "../returns/types";
import { KIND_LABELS, sortFindings } from "./format";

export function FindingsTable({ findings, caption, across = false, testId }: { findings: readonly Finding[]; caption: string; across?: boolean; testId?: string }): React.JSX.Element {
  return (
    <table className="findings" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Kind</th>
          {across ? (
            <>
              <th scope="col">Organisation</th>
              <th scope="col">Files</th>
            </>
          ) : (
            <>
              <th scope="col">Sheet</th>
              <th scope="col">Cell</th>
            </>
          )}
          <th scope="col">What is wrong, and what to do</th>
        </tr>
      </thead>
      <tbody>
        {sortFindings(findings).map((f, i) => {
          const files = f.files ?? (f.file ? [f.file] : []);
          return (
            <tr key={i} data-kind={f.kind} data-sheet={f.sheet ?? ""} data-cell={f.cell ?? ""} data-files={files.join("\n")} data-organisation={f.organisationCode ?? ""}>
              <td>{KIND_LABELS[f.kind] ?? f.kind}</td>
              {across ? (
                <>
                  <td>{f.organisationCode ?? ""}</td>
                  <td>{files.join(", ")}</td>
                </>
              ) : (
                <>
                  <td>{f.sheet ?? ""}</td>
                  <td>{f.cell ?? ""}</td>
                </>
              )}
              <td>{f.message}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
