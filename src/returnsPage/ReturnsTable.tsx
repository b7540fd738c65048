/**
 * One row per return: file, organisation, template, verdict, findings and its single-cell key
 * figures; each row opens (a button with aria-expanded) to its findings by kind, sheet and cell.
 */
import * as React from "react";
import { Button } from "@fluentui/react-components";
import type { ReturnResult } from "../returns/types";
import { FindingsTable } from "./FindingsTable";
import { VERDICT_LABELS, findingsCount, formatScalar } from "./format";
import { keyFigureLabels } from "./labels";

function KeyFigures({ result }: { result: ReturnResult }): React.JSX.Element | null {
  const labels = keyFigureLabels(result.template);
  const shown = Object.entries(result.keyFigures)
    .map(([name, value]) => [labels.get(name) ?? name, formatScalar(value), name] as const)
    .filter((entry): entry is readonly [string, string, string] => entry[1] !== undefined);
  if (shown.length === 0) return null;
  return (
    <dl className="key-figures">
      {shown.map(([label, value, name]) => (
        <div key={name} data-name={name}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function ReturnRow({ result, index }: { result: ReturnResult; index: number }): React.JSX.Element {
  const [open, setOpen] = React.useState(false);
  const detail = `return-findings-${index}`;
  const organisation = [result.organisationCode, result.organisationName].filter(Boolean).join(" ");
  const template = [result.template, result.templateVersion].filter(Boolean).join(" ");
  return (
    <>
      <tr data-file={result.file} data-verdict={result.verdict} className={`verdict-${result.verdict}`}>
        <th scope="row">{result.file}</th>
        <td>{organisation || "(unknown)"}</td>
        <td>{template || "(unknown)"}</td>
        <td>{VERDICT_LABELS[result.verdict]}</td>
        <td>
          {result.findings.length === 0 ? (
            "None"
          ) : (
            <Button size="small" aria-expanded={open} aria-controls={detail} onClick={() => setOpen(!open)} aria-label={`${open ? "Hide" : "Show"} the ${findingsCount(result)} of ${result.file}`}>
              {findingsCount(result)}
            </Button>
          )}
        </td>
        <td>
          <KeyFigures result={result} />
        </td>
      </tr>
      {result.findings.length > 0 && (
        <tr id={detail} hidden={!open} className="detail">
          <td colSpan={6}>{open && <FindingsTable findings={result.findings} caption={`Findings in ${result.file}`} testId="return-findings" />}</td>
        </tr>
      )}
    </>
  );
}

export function ReturnsTable({ returns }: { returns: readonly ReturnResult[] }): React.JSX.Element {
  return (
    <table className="returns" data-testid="returns-table">
      <caption>Returns checked</caption>
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Organisation</th>
          <th scope="col">Template and version</th>
          <th scope="col">Verdict</th>
          <th scope="col">Findings</th>
          <th scope="col">Key figures</th>
        </tr>
      </thead>
      <tbody>
        {returns.map((r, i) => (
          <ReturnRow key={`${i}-${r.file}`} result={r} index={i} />
        ))}
      </tbody>
    </table>
  );
}
