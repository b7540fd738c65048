/** Everything the check found: the summary line, the table of returns, the findings across them, and the download. */
import * as React from "react";
import type { Collection } from "../returns/types";
import { CollectionFindings } from "./CollectionFindings";
import { DownloadConsolidated } from "./DownloadConsolidated";
import { ReturnsTable } from "./ReturnsTable";
import { summarySentence } from "./format";
import type { Progress } from "./run";

export const Results = React.forwardRef<HTMLHeadingElement, { collection: Collection; stoppedAt?: Progress; expectedListed: boolean }>(function Results({ collection, stoppedAt, expectedListed }, heading) {
  return (
    <section aria-labelledby="results-heading" data-testid="results">
      <h2 id="results-heading" ref={heading} tabIndex={-1}>
        3. Results
      </h2>
      {stoppedAt && (
        <p data-testid="stopped">
          {`Stopped after checking ${stoppedAt.done.toLocaleString("en-GB")} of ${stoppedAt.total.toLocaleString("en-GB")} returns: the results are for those only, and missing returns are not listed. Check again to check them all.`}
        </p>
      )}
      <p data-testid="summary">{summarySentence(collection.summary, expectedListed)}</p>
      <DownloadConsolidated collection={collection} />
      {/* Focusable, so a keyboard can scroll a table wider than the window. */}
      <div className="table-scroll" role="region" aria-label="Returns checked, one row each" tabIndex={0}>
        <ReturnsTable returns={collection.returns} />
      </div>
      <CollectionFindings findings={collection.findings} expectedListed={expectedListed} />
    </section>
  );
});
