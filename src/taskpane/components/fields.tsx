/** Small labelled controls the wizards share: text fields, a table cell input, issue lists, money in previews. */
import * as React from "react";
import { Button, Field, Input, makeStyles, tokens, Text } from "@fluentui/react-components";
import { Issue } from "../wizards/check";
import { Units, decimalPlaces } from "../wizards/sheet";
import { entryCell } from "../wizards/entry";
import { useTracker } from "./validation";

export const useFieldStyles = makeStyles({
  // Every text box and list shows focus as a ring, not only Fluent's thin underline.
  focusRing: {
    ":focus-within": { outlineWidth: "2px", outlineStyle: "solid", outlineColor: tokens.colorStrokeFocus2, outlineOffset: "1px" },
  },
  invalid: { outline: `2px solid ${tokens.colorPaletteRedBorder2}`, outlineOffset: "-1px" },
  cellInput: { minWidth: "0", width: "100%" },
  cellMessage: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, marginTop: "2px" },
  issues: { margin: "4px 0 0 0", paddingLeft: "18px", color: tokens.colorPaletteRedForeground1 },
  issue: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  issueLink: { padding: 0, minWidth: 0, height: "auto", textAlign: "left", fontWeight: tokens.fontWeightRegular, color: tokens.colorPaletteRedForeground1, textDecorationLine: "underline", whiteSpace: "normal" },
});

/** A stable id for a field's message, so the input can point at it (aria-describedby). */
export function issueId(wizard: string, field: string): string {
  return `${wizard}-issue-${field.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/** The issue on exactly this field (row- and table-level issues are listed under their table). */
export function issueOn(issues: readonly Issue[], field: string): Issue | undefined {
  return issues.find((i) => i.field === field);
}

/** Moves focus to a field's control (by its data-field) and brings it into view. */
export function focusField(field: string | undefined, within: ParentNode = document): boolean {
  if (!field) return false;
  const exact = within.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`);
  const target = exact ?? within.querySelector<HTMLElement>(`[data-field^="${CSS.escape(field)}."]`);
  if (!target) return false;
  target.scrollIntoView({ block: "center" });
  target.focus();
  return true;
}

/**
 * A field's message slot for Fluent's Field without its role="alert": problems are shown when
 * the user leaves the field or presses Next, and announced once by the wizard, not each time.
 */
function message(text: string | undefined): { children: string; role: undefined } | undefined {
  return text === undefined ? undefined : { children: text, role: undefined };
}

export interface TextFieldProps {
  field: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  issues: readonly Issue[];
  /** A message that is not a problem, e.g. "Reads 1,375,000 now". */
  note?: string;
  numeric?: boolean;
  className?: string;
}

export function TextField(props: TextFieldProps): React.JSX.Element {
  const styles = useFieldStyles();
  const tracker = useTracker();
  const issue = issueOn(props.issues, props.field);
  return (
    <Field
      className={props.className}
      label={props.label}
      hint={props.hint}
      validationState={issue ? "error" : props.note ? "success" : "none"}
      validationMessage={message(issue?.message ?? props.note)}
    >
      <Input
        className={styles.focusRing}
        value={props.value}
        data-field={props.field}
        inputMode={props.numeric ? "decimal" : undefined}
        onChange={(_, d) => {
          tracker.changed(props.field);
          props.onChange(d.value);
        }}
        onBlur={() => tracker.left(props.field)}
      />
    </Field>
  );
}

export interface CellInputProps {
  wizard: string;
  field: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  issues: readonly Issue[];
  placeholder?: string;
  numeric?: boolean;
}

/** An input inside a table: no visible label (the column header is one), so it carries an aria-label; its problem shows under it. */
export function CellInput(props: CellInputProps): React.JSX.Element {
  const styles = useFieldStyles();
  const tracker = useTracker();
  const issue = issueOn(props.issues, props.field);
  const id = issueId(props.wizard, props.field);
  return (
    <>
      <Input
        size="small"
        className={`${styles.cellInput} ${styles.focusRing}${issue ? ` ${styles.invalid}` : ""}`}
        aria-label={props.label}
        aria-invalid={issue ? true : undefined}
        aria-describedby={issue ? id : undefined}
        data-field={props.field}
        value={props.value}
        placeholder={props.placeholder}
        inputMode={props.numeric ? "decimal" : undefined}
        onChange={(_, data) => {
          tracker.changed(props.field);
          props.onChange(data.value);
        }}
        onBlur={() => tracker.left(props.field)}
      />
      {issue && (
        <div id={id} className={styles.cellMessage}>
          {issue.message}
        </div>
      )}
    </>
  );
}

/** Problems listed together (a table's own, or what still stops the write); each one takes you to its field. */
export function IssueList({ wizard, issues, label }: { wizard: string; issues: readonly Issue[]; label?: string }): React.JSX.Element | null {
  const styles = useFieldStyles();
  if (issues.length === 0) return null;
  return (
    <ul className={styles.issues} aria-label={label}>
      {issues.map((issue, i) => (
        <li key={`${issue.field}-${i}`} id={issue.field && !issue.field.includes(".") ? issueId(wizard, issue.field) : undefined} className={styles.issue}>
          {issue.field?.includes(".") ? (
            <Button appearance="transparent" size="small" className={styles.issueLink} onClick={() => focusField(issue.field)}>
              {issue.message}
            </Button>
          ) : (
            issue.message
          )}
        </li>
      ))}
    </ul>
  );
}

/** Money as the preview shows it: the sheet's units, to the rounding unit's decimals. */
export function formatAmount(value: number, units: Units, roundTo: string): string {
  const dp = decimalPlaces(entryCell(roundTo));
  const text = new Intl.NumberFormat("en-GB", { minimumFractionDigits: dp, maximumFractionDigits: dp }).format(Math.abs(value));
  return `${value < 0 ? "-" : ""}${units === "£" ? "£" : ""}${text}`;
}

export function Hint({ children }: { children: React.ReactNode }): React.JSX.Element {
  return (
    <Text size={200} block style={{ color: tokens.colorNeutralForeground3, margin: "4px 0 8px" }}>
      {children}
    </Text>
  );
}
