/**
 * The frame every wizard shares: numbered steps, Back and Next (Next waits until the step's
 * inputs pass the core's checks), and a last step whose button writes the sheet.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { Issue } from "../wizards/check";
import { IssueList } from "./fields";

export interface WizardStep {
  title: string;
  body: React.ReactNode;
  /** Problems that keep the user on this step. */
  issues: readonly Issue[];
}

type Status = { kind: "idle" } | { kind: "busy" } | { kind: "done"; message: string } | { kind: "error"; message: string };

const useStyles = makeStyles({
  steps: { display: "flex", gap: "4px", listStyle: "none", padding: 0, margin: "8px 0", flexWrap: "wrap" },
  step: {
    fontSize: tokens.fontSizeBase200,
    padding: "2px 8px",
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
  },
  current: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand, fontWeight: tokens.fontWeightSemibold },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: "8px 0", outline: "none" },
  nav: { display: "flex", gap: "8px", marginTop: "12px", alignItems: "center" },
  status: { marginTop: "12px" },
});

export interface WizardProps {
  id: string;
  steps: readonly WizardStep[];
  finishLabel: string;
  /** Writes the sheet; resolves to what to tell the user. */
  onFinish: () => Promise<string>;
  onStepChange?: (step: number) => void;
}

export function Wizard({ id, steps, finishLabel, onFinish, onStepChange }: WizardProps): React.JSX.Element {
  const styles = useStyles();
  const [current, setCurrent] = React.useState(0);
  const [status, setStatus] = React.useState<Status>({ kind: "idle" });
  const heading = React.useRef<HTMLHeadingElement>(null);
  const moved = React.useRef(false);
  const step = steps[current];
  const last = current === steps.length - 1;
  const blocked = step.issues.length > 0;

  React.useEffect(() => {
    // Keyboard and screen-reader users land on the new step's heading, not on a vanished button.
    if (moved.current) heading.current?.focus();
    onStepChange?.(current);
  }, [current]); // eslint-disable-line react-hooks/exhaustive-deps

  const go = (to: number) => {
    moved.current = true;
    setStatus({ kind: "idle" });
    setCurrent(to);
  };

  const finish = async () => {
    setStatus({ kind: "busy" });
    try {
      setStatus({ kind: "done", message: await onFinish() });
    } catch (e) {
      setStatus({ kind: "error", message: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`} data-wizard={id}>
      <ol className={styles.steps} aria-label="Steps">
        {steps.map((s, i) => (
          <li key={s.title} className={i === current ? `${styles.step} ${styles.current}` : styles.step} aria-current={i === current ? "step" : undefined}>
            {i + 1}. {s.title}
          </li>
        ))}
      </ol>
      <h3 id={`${id}-heading`} className={styles.heading} tabIndex={-1} ref={heading}>
        Step {current + 1} of {steps.length}: {step.title}
      </h3>
      {step.body}
      {/* Problems tied to no field; the others show beside their field or under their table. The last
          step shows everything that still stops the write, since the fields are on earlier steps. */}
      <IssueList wizard={`${id}-summary`} issues={last ? step.issues : step.issues.filter((i) => i.field === undefined)} />
      <div className={styles.nav}>
        <Button disabled={current === 0} onClick={() => go(current - 1)}>
          Back
        </Button>
        {!last && (
          <Button appearance="primary" disabled={blocked} onClick={() => go(current + 1)}>
            Next
          </Button>
        )}
        {last && (
          <Button appearance="primary" disabled={blocked || status.kind === "busy"} onClick={finish}>
            {finishLabel}
          </Button>
        )}
        {status.kind === "busy" && <Spinner size="tiny" label="Writing…" />}
      </div>
      {status.kind === "done" && (
        <MessageBar intent="success" className={styles.status}>
          <MessageBarBody>
            <MessageBarTitle>Done</MessageBarTitle>
            {status.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "error" && (
        <MessageBar intent="error" className={styles.status}>
          <MessageBarBody>
            <MessageBarTitle>Could not write the sheet</MessageBarTitle>
            {status.message}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
