/** What belongs to no single return: organisations that sent twice, and those expected that sent none. */
import * as React from "react";
import type { Finding } from "../returns/types";
import { FindingsTable } from "./FindingsTable";

export function CollectionFindings({ findings, expectedListed }: { findings: readonly Finding[]; expectedListed: boolean }): React.JSX.Element {
  return (
    <section aria-labelledby="collection-heading">
      <h3 id="collection-heading">Across the returns</h3>
      {findings.length === 0 ? (
        <p data-testid="collection-none">{expectedListed ? "No organisation sent twice, and every expected organisation sent a return." : "No organisation sent twice. (Choose a list of expected organisations to see which sent none.)"}</p>
      ) : (
        <FindingsTable findings={findings} caption="Duplicates and missing returns" across testId="collection-findings" />
      )}
    </section>
  );
}
