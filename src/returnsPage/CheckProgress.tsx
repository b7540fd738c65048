/** How far the check has gone: a progress bar, and the same in words in a live region for screen readers. */
import * as React from "react";
import { Field, ProgressBar } from "@fluentui/react-components";
import type { Progress } from "./run";

export function progressText(progress: Progress): string {
  const counted = `Checked ${progress.done.toLocaleString("en-GB")} of ${progress.total.toLocaleString("en-GB")}`;
  return progress.file ? `${counted}: ${progress.file}` : `${counted}.`;
}

export function CheckProgress({ progress }: { progress?: Progress }): React.JSX.Element {
  return (
    <div>
      {progress && (
        <Field label="Progress of the check">
          <ProgressBar value={progress.total === 0 ? 1 : progress.done / progress.total} max={1} thickness="large" data-testid="progress-bar" />
        </Field>
      )}
      <div role="status" aria-live="polite" data-testid="progress-text">
        {progress ? progressText(progress) : ""}
      </div>
    </div>
  );
}
