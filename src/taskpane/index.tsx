/*
 * Task pane entry, the shared runtime's page (functions.js runs here too). Inside Excel the
 * wizards write through the Office.js adapter; opened anywhere else, the pane says so and points
 * to the playground, which runs the same wizards on the engine.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { Link, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { OfficeWorkbook } from "../workbook/officejs";
import { App, Themed } from "./App";

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

Office.onReady((info) => {
  (window as unknown as { __officeReady: unknown }).__officeReady = info;
  const element = document.getElementById("root");
  if (!element) return;
  const inExcel = info.host === Office.HostType.Excel;
  createRoot(element).render(<Themed>{inExcel ? <App port={new OfficeWorkbook()} /> : <OutsideExcel host={info.host ? String(info.host) : null} />}</Themed>);
});
