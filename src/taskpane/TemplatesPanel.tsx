/** "Insert template": the workbook templates of src/templates, written through the same port as the wizards. */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import { TEMPLATES, templateSpec } from "../templates";
import { WorkbookPort } from "../workbook/port";
import { useAnnounce } from "./components/announce";
import { Hint } from "./components/fields";
import { repairIcsFormulas } from "./wizards/repair";
import { insertTemplate } from "./wizards/templates";

const useStyles = makeStyles({
  list: { listStyle: "none", padding: 0, margin: 0, display: "grid", gap: "12px" },
  item: { display: "grid", gap: "4px", padding: "8px", border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, minWidth: 0 },
  actions: { display: "flex", minWidth: 0 },
  insert: { maxWidth: "100%", whiteSpace: "normal", textAlign: "left" },
  status: { marginTop: "12px" },
});

type Status = { kind: "idle" } | { kind: "busy"; name: string } | { kind: "done" | "error"; message: string };

export function TemplatesPanel({ port }: { port: WorkbookPort }): React.JSX.Element {
  const styles = useStyles();
  const announce = useAnnounce();
  const [status, setStatus] = React.useState<Status>({ kind: "idle" });
  const result = React.useRef<HTMLDivElement>(null);

  React.useEffect(() => {
    if (status.kind === "done" || status.kind === "error") result.current?.focus();
  }, [status]);

  const [repair, setRepair] = React.useState<{ kind: "idle" | "working" } | { kind: "done" | "error"; message: string }>({ kind: "idle" });
  const repairFormulas = async () => {
    setRepair({ kind: "working" });
    try {
      const outcome = await repairIcsFormulas(port, { all: true });
      setRepair({ kind: outcome.failed.length > 0 ? "error" : "done", message: outcome.message });
      announce(outcome.message, outcome.failed.length > 0 ? "assertive" : "polite");
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      setRepair({ kind: "error", message });
      announce(`Could not repair the formulas: ${message}`, "assertive");
    }
  };

  const insert = async (name: string) => {
    setStatus({ kind: "busy", name });
    try {
      const outcome = await insertTemplate(port, templateSpec(name));
      setStatus({ kind: "done", message: outcome.message });
      announce(outcome.message);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      setStatus({ kind: "error", message });
      announce(`Could not insert the template: ${message}`, "assertive");
    }
  };

  return (
    <section aria-label="Templates">
      <Hint>Ready-made workbooks with live ICS formulas, written into this workbook as new sheets. A sheet or name already in use is given a free one, such as &quot;Checks 2&quot;.</Hint>
      {TEMPLATES.length === 0 ? (
        <Text>No templates in this version.</Text>
      ) : (
        <ul className={styles.list} aria-label="Templates to insert">
          {TEMPLATES.map((t) => (
            <li key={t.name} className={styles.item}>
              <Text weight="semibold">{t.title}</Text>
              <Text size={200}>{t.description}</Text>
              <div className={styles.actions}>
                <Button className={styles.insert} appearance="primary" size="small" disabled={status.kind === "busy"} onClick={() => insert(t.name)}>
                  Insert {t.title}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {(status.kind === "done" || status.kind === "error") && (
        <div ref={result} tabIndex={-1} className={styles.status} data-testid="templates-result">
          <MessageBar intent={status.kind === "done" ? "success" : "error"} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{status.kind === "done" ? "Inserted" : "Could not insert the template"}</MessageBarTitle>
              {status.message}
            </MessageBarBody>
          </MessageBar>
        </div>
      )}
      <div className={styles.actions} style={{ marginTop: 16 }}>
        <Button size="small" onClick={repairFormulas} disabled={repair.kind === "working"}>
          Repair ICS formulas
        </Button>
      </div>
      {(repair.kind === "done" || repair.kind === "error") && (
        <MessageBar intent={repair.kind === "done" ? "success" : "warning"} layout="multiline" style={{ marginTop: 8 }} aria-label="Repair result">
          <MessageBarBody>{repair.message}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
