/*
 * The Returns page (returns.html): a central team checks the returns it collected, in the
 * browser, on the same checker as `ics-finance returns`. Its Content-Security-Policy allows no
 * connection anywhere: the files are read here and never sent.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ReturnsPage } from "./ReturnsPage";

function Page(): React.JSX.Element {
  return (
    <FluentProvider theme={webLightTheme}>
      <header className="banner">
        <h1>Check returns</h1>
        <span>
          Checked in this page, on this computer: no file is sent anywhere. The same checks as <code>ics-finance returns</code>.
        </span>
        <a href="playground.html">Playground</a>
      </header>
      <ReturnsPage />
    </FluentProvider>
  );
}

// Blocked by the page's policy, in words a test (and a developer) can read.
(window as unknown as { __cspViolations: string[] }).__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  (window as unknown as { __cspViolations: string[] }).__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "(inline)"}`);
});

// A file dropped beside the drop zone would make the browser open it in place of the page (and
// lose the results): outside the zone a drop does nothing.
window.addEventListener("dragover", (e) => {
  e.preventDefault();
  if (e.dataTransfer && !(e.target instanceof Element && e.target.closest('[data-testid="drop-zone"]'))) e.dataTransfer.dropEffect = "none";
});
window.addEventListener("drop", (e) => e.preventDefault());

const element = document.getElementById("root");
if (element) {
  createRoot(element).render(<Page />);
  document.body.dataset.ready = "true";
}
