/**
 * The Returns page: choose or drop the returns, optionally the organisations expected and the
 * template, Check, watch the progress, read the results and download the consolidated workbook.
 * Everything runs here, in the browser; no file leaves the machine.
 */
import * as React from "react";
import { flushSync } from "react-dom";
import { Button } from "@fluentui/react-components";
import type { Collection } from "../returns/types";
import { CheckProgress } from "./CheckProgress";
import { Expected, ExpectedChooser } from "./ExpectedChooser";
import { ChosenFile, addReturns } from "./files";
import { plural, summarySentence } from "./format";
import { Results } from "./Results";
import { ReturnsChooser } from "./ReturnsChooser";
import { Progress, checkAll } from "./run";
import { TemplateFilter } from "./TemplateFilter";

export function ReturnsPage(): React.JSX.Element {
  const [files, setFiles] = React.useState<ChosenFile[]>([]);
  const [filesMessage, setFilesMessage] = React.useState<{ text: string; error: boolean }>();
  const [expected, setExpected] = React.useState<Expected>();
  const [template, setTemplate] = React.useState("");
  const [progress, setProgress] = React.useState<Progress>();
  const [running, setRunning] = React.useState(false);
  const [collection, setCollection] = React.useState<Collection>();
  const [stoppedAt, setStoppedAt] = React.useState<Progress>();
  // Whether the results counted missing returns (a list was given and the check ran to the end).
  const [expectedListed, setExpectedListed] = React.useState(false);
  const stop = React.useRef(false);
  const resultsHeading = React.useRef<HTMLHeadingElement>(null);

  React.useEffect(() => {
    if (collection) resultsHeading.current?.focus();
  }, [collection]);

  const add = (added: ChosenFile[], skipped: string[]) => {
    const next = addReturns(files, added);
    setFiles(next);
    const count = next.length - files.length;
    const already = added.length - count;
    const notes = [
      already > 0 ? `${plural(already, "file was", "files were")} already in the list.` : "",
      skipped.length > 0 ? `Left out ${plural(skipped.length, "file")} that ${skipped.length === 1 ? "is" : "are"} not .xlsx or .xlsm: ${skipped.slice(0, 5).join(", ")}${skipped.length > 5 ? ", …" : ""}.` : "",
    ].filter(Boolean);
    setFilesMessage(notes.length > 0 ? { text: `${count === 0 ? "No return added" : `Added ${plural(count, "return")}`}. ${notes.join(" ")}`, error: false } : undefined);
  };

  const check = async () => {
    if (files.length === 0) {
      setFilesMessage({ text: "Choose or drop at least one return (.xlsx or .xlsm) first.", error: true });
      document.querySelector<HTMLInputElement>('[data-testid="returns-input"]')?.focus();
      return;
    }
    stop.current = false;
    setRunning(true);
    setCollection(undefined);
    setStoppedAt(undefined);
    let last: Progress | undefined;
    try {
      const result = await checkAll(files, {
        template: template || undefined,
        expected: expected?.codes,
        onProgress: (p) => {
          last = p;
          // Shown now, before the next file starts: each file's progress reaches the screen.
          flushSync(() => setProgress(p));
        },
        stopped: () => stop.current,
      });
      setCollection(result.collection);
      setStoppedAt(result.stopped ? last : undefined);
      setExpectedListed(expected !== undefined && !result.stopped);
      setProgress((p) => (p ? { ...p, file: undefined } : p));
    } finally {
      setRunning(false);
    }
  };

  return (
    <main className="returns-page">
      <section aria-labelledby="options-heading">
        <ReturnsChooser
          files={files}
          onAdd={add}
          onClear={() => {
            setFiles([]);
            setFilesMessage(undefined);
          }}
          message={filesMessage}
          disabled={running}
        />
        <h2 id="options-heading">2. Check</h2>
        <div className="options">
          <ExpectedChooser expected={expected} onChange={setExpected} disabled={running} />
          <TemplateFilter value={template} onChange={setTemplate} disabled={running} />
        </div>
        <div className="actions">
          <Button appearance="primary" onClick={() => void check()} disabledFocusable={running} data-testid="check">
            {files.length > 0 ? `Check ${plural(files.length, "return")}` : "Check"}
          </Button>
          {running && (
            <Button
              onClick={() => {
                stop.current = true;
              }}
            >
              Stop after this file
            </Button>
          )}
        </div>
        <CheckProgress progress={progress} />
        {collection && !running && (
          <p className="visually-hidden" role="status">
            {`Check ${stoppedAt ? "stopped" : "finished"}. ${summarySentence(collection.summary, expectedListed)}`}
          </p>
        )}
      </section>
      {collection && <Results ref={resultsHeading} collection={collection} stoppedAt={stoppedAt} expectedListed={expectedListed} />}
    </main>
  );
}
