/**
 * The frame every wizard shares: numbered steps, Back and Next, and a last step whose button
 * writes the sheet. Next with problems on the step shows them all, says how many, and takes
 * focus to the first; a write is announced and its result focused; writing again from the same
 * wizard asks first instead of quietly adding another sheet.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { Issue } from "../wizards/check";
import { useAnnounce } from "./announce";
import { IssueList, focusField } from "./fields";

export interface WizardStep {
  title: string;
  body: React.ReactNode;
  /** Problems that keep the user on this step (all of them, shown or not yet). */
  issues: readonly Issue[];
  /** Questions that do not stop the user (sanity checks), shown on this step. */
  warnings?: React.ReactNode;
}

type Status = { kind: "idle" } | { kind: "busy" } | { kind: "asking" } | { kind: "done"; message: string } | { kind: "error"; message: string };

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
  nav: { display: "flex", gap: "8px", marginTop: "12px", alignItems: "center", flexWrap: "wrap" },
  status: { marginTop: "12px", outline: "none" },
  summary: { marginTop: "8px" },
  ask: { marginTop: "12px", display: "grid", gap: "8px", outline: "none" },
  finish: { whiteSpace: "normal" },
});

export interface WizardProps {
  id: string;
  steps: readonly WizardStep[];
  finishLabel: string;
  /** Writes the sheet; resolves to what to tell the user. */
  onFinish: () => Promise<string>;
  onStepChange?: (step: number) => void;
  /** Next was pressed with problems on this step: show them all. */
  onReveal?: (step: number) => void;
  /** Set once this wizard has written a sheet: the question asked before writing another. */
  again?: { question: string; confirm: string };
}

export function Wizard({ id, steps, finishLabel, onFinish, onStepChange, onReveal, again }: WizardProps): React.JSX.Element {
  const styles = useStyles();
  const announce = useAnnounce();
  const [current, setCurrent] = React.useState(0);
  const [status, setStatus] = React.useState<Status>({ kind: "idle" });
  const [attempted, setAttempted] = React.useState<ReadonlySet<number>>(new Set());
  const heading = React.useRef<HTMLHeadingElement>(null);
  const result = React.useRef<HTMLDivElement>(null);
  const question = React.useRef<HTMLDivElement>(null);
  const section = React.useRef<HTMLElement>(null);
  const moved = React.useRef(false);
  const step = steps[current];
  const last = current === steps.length - 1;

  React.useEffect(() => {
    // Keyboard and screen-reader users land on the new step's heading, not on a vanished button.
    if (moved.current) heading.current?.focus();
    onStepChange?.(current);
  }, [current]); // eslint-disable-line react-hooks/exhaustive-deps

  React.useEffect(() => {
    if (status.kind === "done" || status.kind === "error") result.current?.focus();
    if (status.kind === "asking") question.current?.focus();
  }, [status]);

  const go = (to: number) => {
    moved.current = true;
    setStatus({ kind: "idle" });
    setCurrent(to);
  };

  /** Shows the step's problems, says how many, and takes focus to the first. */
  const blocked = (): boolean => {
    if (step.issues.length === 0) return false;
    onReveal?.(current);
    if (last) steps.forEach((_, i) => onReveal?.(i));
    setAttempted((prev) => new Set([...prev, current]));
    const n = step.issues.length;
    announce(`${n === 1 ? "One problem" : `${n} problems`} to fix first. ${step.issues[0].message}`, "assertive");
    setTimeout(() => {
      const first = step.issues.find((i) => i.field !== undefined);
      if (!focusField(first?.field, section.current ?? document)) document.getElementById(`${id}-summary`)?.focus();
    }, 0);
    return true;
  };

  const next = () => {
    if (!blocked()) go(current + 1);
  };

  const write = async () => {
    setStatus({ kind: "busy" });
    try {
      const message = await onFinish();
      setStatus({ kind: "done", message });
      announce(message);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      setStatus({ kind: "error", message });
      announce(`Could not write the sheet: ${message}`, "assertive");
    }
  };

  const finish = () => {
    if (blocked()) return;
    if (again && status.kind !== "asking") {
      setStatus({ kind: "asking" });
      return;
    }
    void write();
  };

  // Problems tied to no field, and (once Next was pressed) the step's problems together, each a
  // link to its field. The last step lists everything that still stops the write.
  const summary = attempted.has(current) || last ? step.issues : step.issues.filter((i) => i.field === undefined);

  return (
    <section ref={section} aria-labelledby={`${id}-heading`} data-wizard={id}>
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
      {step.warnings}
      {summary.length > 0 && (
        <div id={`${id}-summary`} tabIndex={-1} className={styles.summary} style={{ outline: "none" }}>
          <IssueList wizard={`${id}-summary`} issues={summary} label={last ? "What stops the write" : "Problems on this step"} />
        </div>
      )}
      <div className={styles.nav}>
        <Button disabled={current === 0} onClick={() => go(current - 1)}>
          Back
        </Button>
        {!last && (
          <Button appearance="primary" onClick={next}>
            Next
          </Button>
        )}
        {last && (
          <Button className={styles.finish} appearance="primary" disabled={status.kind === "busy"} onClick={finish}>
            {finishLabel}
          </Button>
        )}
        {status.kind === "busy" && <Spinner size="tiny" label="Writing…" />}
      </div>
      {status.kind === "asking" && again && (
        <div ref={question} tabIndex={-1} className={styles.ask} role="group" aria-label="Write again?">
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{again.question}</MessageBarBody>
          </MessageBar>
          <div className={styles.nav} style={{ marginTop: 0 }}>
            <Button appearance="primary" onClick={() => void write()}>
              {again.confirm}
            </Button>
            <Button onClick={() => setStatus({ kind: "idle" })}>Cancel</Button>
          </div>
        </div>
      )}
      {(status.kind === "done" || status.kind === "error") && (
        <div ref={result} tabIndex={-1} className={styles.status} data-testid={`${id}-result`}>
          <MessageBar intent={status.kind === "done" ? "success" : "error"} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{status.kind === "done" ? "Done" : "Could not write the sheet"}</MessageBarTitle>
              {status.message}
            </MessageBarBody>
          </MessageBar>
        </div>
      )}
    </section>
  );
}
