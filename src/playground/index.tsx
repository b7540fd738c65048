/*
 * The playground: the fictional sample workbook on the headless engine, shown as a grid, with the
 * task pane beside it driving the same wizards through the engine adapter. No Excel, no network.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { createEngine } from "../engine";
import { App, Themed } from "../taskpane/App";
import { EngineWorkbook } from "../workbook/engine";
import { Grid } from "./Grid";
import { README_SHEET, SYSTEM_NAME, sampleOps } from "./sample";

const workbook = new EngineWorkbook(createEngine({ [README_SHEET]: [] }));
workbook.applyNow(sampleOps());

/** For the browser tests: the same workbook the page shows. */
(window as unknown as { __playground: unknown }).__playground = {
  workbook,
  read: (sheet: string, range: string) => workbook.readValues(sheet, range),
  formulas: (sheet: string, range: string) => workbook.readFormulas(sheet, range),
  readName: (name: string) => workbook.readName(name),
  names: () => workbook.definedNames(),
};

function Playground(): React.JSX.Element {
  return (
    <div className="playground">
      <header className="banner">
        <strong>ICS Finance playground</strong>
        <span>
          Sample data: <strong>{SYSTEM_NAME} is fictional</strong>; every figure is made up. The formulas run in this page: no Excel, and nothing is sent anywhere.
        </span>
        <a href="returns.html">Check returns</a>
      </header>
      <main className="layout">
        <section className="sheet-area" aria-label="Workbook">
          <Grid workbook={workbook} />
        </section>
        <aside className="pane" aria-label="Task pane">
          <Themed>
            <App port={workbook} />
          </Themed>
        </aside>
      </main>
    </div>
  );
}

// ?pane=320 sets the task pane's width in px (Excel's pane is 320 px at its narrowest).
const paneWidth = Number(new URLSearchParams(window.location.search).get("pane"));
if (Number.isFinite(paneWidth) && paneWidth >= 240 && paneWidth <= 1200) document.documentElement.style.setProperty("--pane-width", `${paneWidth}px`);

const element = document.getElementById("root");
if (element) {
  createRoot(element).render(<Playground />);
  document.body.dataset.ready = "true";
}
