/** The consolidated workbook (Summary, Findings, one sheet per template table), made in the page and saved as a download. */
import * as React from "react";
import { Button } from "@fluentui/react-components";
import { consolidatedWorkbook } from "../returns/consolidate";
import type { Collection } from "../returns/types";
import { saveBytes } from "./download";

export const CONSOLIDATED_FILE = "consolidated-returns.xlsx";

export function DownloadConsolidated({ collection }: { collection: Collection }): React.JSX.Element {
  const [error, setError] = React.useState<string>();
  const [saved, setSaved] = React.useState(false);
  const download = () => {
    try {
      saveBytes(consolidatedWorkbook(collection), CONSOLIDATED_FILE);
      setError(undefined);
      setSaved(true);
    } catch (e) {
      setError(`The consolidated workbook could not be made: ${e instanceof Error ? e.message : String(e)}. The table above is still complete; run \`ics-finance returns --out\` on the same files to get the workbook.`);
    }
  };
  const note = error ?? (saved ? `Saved as ${CONSOLIDATED_FILE} in your downloads.` : "One Summary row per return, every finding with filters, and each template table gathered across returns.");
  return (
    <div className="download">
      <Button appearance="primary" onClick={download} aria-describedby="download-note" data-testid="download">
        Download consolidated workbook
      </Button>
      <p id="download-note" className={error ? "error" : "note"} data-testid="download-note">
        {note}
      </p>
    </div>
  );
}
