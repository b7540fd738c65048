/*
 * Task pane entry, the shared runtime's page (functions.js runs here too). Inside Excel the
 * wizards write through the Office.js adapter; opened anywhere else, the pane says so and points
 * to the playground, which runs the same wizards on the engine.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { Link, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { OfficeWorkbook } from "../workbook/officejs";
import { WorkbookPort } from "../workbook/port";
import { App, Themed } from "./App";
import { rememberOnFirstWrite } from "./startup";
import { RepairResult, repairIcsFormulas } from "./wizards/repair";

function OutsideExcel({ host }: { host: string | null }): React.JSX.Element {
  return (
    <div style={{ padding: 12 }}>
      <MessageBar intent="info">
        <MessageBarBody>
          <MessageBarTitle>Open this pane in Excel</MessageBarTitle>
          The wizards write into an Excel workbook, and this page is running {host ? `in ${host}` : "outside Office"}. To try them without Excel, open the{" "}
          <Link href="playground.html">playground</Link>.
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}

/** office.js did not load (offline, blocked, or the page opened from a file): say so, and how to go on. */
function NoOffice(): React.JSX.Element {
  return (
    <div style={{ padding: 12 }}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Office did not load</MessageBarTitle>
          This pane needs office.js, Microsoft&apos;s Office library, and it could not be loaded: the network may be offline or the address blocked, or the page was opened outside Excel. In Excel, check
          the connection and reopen the add-in (Home &gt; ICS wizards). To use the wizards without Excel, open the <Link href="playground.html">playground</Link>, which runs them on a sample workbook in
          this browser.
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}

/**
 * On load: ICS formulas a workbook shows as broken (#NAME?, or saved as text) are entered again,
 * and the pane says what was repaired; nothing shows when nothing needed it.
 */
function RepairOnLoad({ port }: { port: WorkbookPort }): React.JSX.Element | null {
  const [result, setResult] = React.useState<RepairResult | undefined>();
  React.useEffect(() => {
    repairIcsFormulas(port, { all: false }).then(setResult, () => undefined);
  }, [port]);
  if (!result || (result.repaired.length === 0 && result.failed.length === 0)) return null;
  return (
    <div style={{ padding: "8px 12px 0" }}>
      <MessageBar intent={result.failed.length > 0 ? "warning" : "success"} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>ICS formulas repaired</MessageBarTitle>
          {result.message}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}

/** The pane in Excel; it links to the function reference itself (App). */
function InExcel(): React.JSX.Element {
  const port = React.useMemo(() => rememberOnFirstWrite(new OfficeWorkbook(), () => Office.addin.setStartupBehavior(Office.StartupBehavior.load)), []);
  return (
    <>
      <RepairOnLoad port={port} />
      <App port={port} />
    </>
  );
}

function render(node: React.ReactNode): void {
  const element = document.getElementById("root");
  if (element) createRoot(element).render(<Themed>{node}</Themed>);
}

if (typeof Office === "undefined") {
  (window as unknown as { __officeReady: unknown }).__officeReady = { missing: true };
  render(<NoOffice />);
} else {
  Office.onReady((info) => {
    (window as unknown as { __officeReady: unknown }).__officeReady = info;
    const inExcel = info.host === Office.HostType.Excel;
    render(inExcel ? <InExcel /> : <OutsideExcel host={info.host ? String(info.host) : null} />);
  });
}
