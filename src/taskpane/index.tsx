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
      <MessageBar intent={result.failed.length > 0 ? "warning" : "success"}>
        <MessageBarBody>
          <MessageBarTitle>ICS formulas repaired</MessageBarTitle>
          {result.message}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}

function InExcel(): React.JSX.Element {
  const port = React.useMemo(() => rememberOnFirstWrite(new OfficeWorkbook(), () => Office.addin.setStartupBehavior(Office.StartupBehavior.load)), []);
  return (
    <>
      <RepairOnLoad port={port} />
      <App port={port} />
      <div style={{ padding: "0 12px 12px" }}>
        <Link href="help/functions.html" target="_blank">
          Function reference
        </Link>
      </div>
    </>
  );
}

Office.onReady((info) => {
  (window as unknown as { __officeReady: unknown }).__officeReady = info;
  const element = document.getElementById("root");
  if (!element) return;
  const inExcel = info.host === Office.HostType.Excel;
  createRoot(element).render(<Themed>{inExcel ? <InExcel /> : <OutsideExcel host={info.host ? String(info.host) : null} />}</Themed>);
});
