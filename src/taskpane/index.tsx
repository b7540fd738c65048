/* Task pane entry (the shared runtime page). The wizards are mounted here. */
Office.onReady((info) => {
  (window as unknown as { __officeReady: unknown }).__officeReady = info;
  const root = document.getElementById("root");
  if (root) root.textContent = "ICS Finance: type =ICS. in a cell to use the functions.";
});
