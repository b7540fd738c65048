/** "Insert template": the workbook templates of src/templates, written through the same port as the wizards. */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import { TEMPLATES, templateOps } from "../templates";
import { WorkbookPort } from "../workbook/port";
import { Hint } from "./components/fields";
import { repairIcsFormulas } from "./wizards/repair";
import { insertTemplate } from "./wizards/templates";

const useStyles = makeStyles({
  list: { listStyle: "none", padding: 0, margin: 0, display: "grid", gap: "12px" },
  item: { display: "grid", gap: "4px", padding: "8px", border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  actions: { display: "flex" },
});

type Status = { kind: "idle" } | { kind: "done" | "error"; message: string };

export function TemplatesPanel({ port }: { port: WorkbookPort }): React.JSX.Element {
  const styles = useStyles();
  const [status, setStatus] = React.useState<Status>({ kind: "idle" });

  const [repair, setRepair] = React.useState<{ kind: "idle" | "working" } | { kind: "done" | "error"; message: string }>({ kind: "idle" });
  const repairFormulas = async () => {
    setRepair({ kind: "working" });
    try {
      const result = await repairIcsFormulas(port, { all: true });
      setRepair({ kind: result.failed.length > 0 ? "error" : "done", message: result.message });
    } catch (e) {
      setRepair({ kind: "error", message: e instanceof Error ? e.message : String(e) });
    }
  };

  const insert = async (name: string, title: string) => {
    try {
      const result = await insertTemplate(port, title, templateOps(name));
      setStatus({ kind: result.ok ? "done" : "error", message: result.message });
    } catch (e) {
      setStatus({ kind: "error", message: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <section aria-label="Templates">
      <Hint>Ready-made workbooks with live ICS formulas, written into this workbook as new sheets.</Hint>
      {TEMPLATES.length === 0 ? (
        <Text>No templates in this version.</Text>
      ) : (
        <ul className={styles.list}>
          {TEMPLATES.map((t) => (
            <li key={t.name} className={styles.item}>
              <Text weight="semibold">{t.title}</Text>
              <Text size={200}>{t.description}</Text>
              <div className={styles.actions}>
                <Button appearance="primary" size="small" onClick={() => insert(t.name, t.title)}>
                  Insert {t.title}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {status.kind !== "idle" && (
        <MessageBar intent={status.kind === "done" ? "success" : "error"} style={{ marginTop: 12 }}>
          <MessageBarBody>
            <MessageBarTitle>{status.kind === "done" ? "Done" : "Could not insert the template"}</MessageBarTitle>
            {status.message}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions} style={{ marginTop: 16 }}>
        <Button size="small" onClick={repairFormulas} disabled={repair.kind === "working"}>
          Repair ICS formulas
        </Button>
      </div>
      {(repair.kind === "done" || repair.kind === "error") && (
        <MessageBar intent={repair.kind === "done" ? "success" : "warning"} style={{ marginTop: 8 }} aria-label="Repair result">
          <MessageBarBody>{repair.message}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
