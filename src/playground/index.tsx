/* Playground entry: a sample workbook on the engine beside the task pane. */
const root = document.getElementById("root");
if (root) root.textContent = "ICS Finance playground";
