/** The sanity checks' questions (wizards/sanity.ts): shown under the step, answered with a button, never blocking. */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, makeStyles } from "@fluentui/react-components";
import { Warning } from "../wizards/sanity";

const useStyles = makeStyles({
  list: { display: "grid", gap: "6px", marginTop: "8px" },
  actions: { display: "flex", gap: "6px", flexWrap: "wrap", marginTop: "4px" },
  button: { whiteSpace: "normal", textAlign: "left" },
});

/** The questions still open: those not yet answered "keep" for the same entry. */
export function useOpenWarnings(): { open: (all: readonly Warning[]) => Warning[]; keep: (key: string) => void } {
  const [kept, setKept] = React.useState<ReadonlySet<string>>(new Set());
  return {
    open: (all) => all.filter((w) => !kept.has(w.key)),
    keep: (key) => setKept((prev) => new Set([...prev, key])),
  };
}

export function Warnings({ items, onFix, onKeep }: { items: readonly Warning[]; onFix: (w: Warning) => void; onKeep: (w: Warning) => void }): React.JSX.Element | null {
  const styles = useStyles();
  if (items.length === 0) return null;
  return (
    <div className={styles.list} role="group" aria-label="Questions about what you typed">
      {items.map((w) => (
        <MessageBar key={w.key} intent="warning" layout="multiline" data-warning={w.field}>
          <MessageBarBody>
            {w.message}
            <div className={styles.actions}>
              {w.fix && (
                <Button size="small" className={styles.button} onClick={() => onFix(w)}>
                  {w.fix.label}
                </Button>
              )}
              <Button size="small" appearance="subtle" className={styles.button} onClick={() => onKeep(w)}>
                {w.keep}
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
