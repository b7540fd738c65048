/** Small labelled controls the wizards share: a table cell input, issue lists, money in previews. */
import * as React from "react";
import { Input, makeStyles, tokens, Text } from "@fluentui/react-components";
import { Issue } from "../wizards/check";
import { Units, decimalPlaces } from "../wizards/sheet";
import { entryCell } from "../wizards/entry";

const useStyles = makeStyles({
  invalid: { outline: `2px solid ${tokens.colorPaletteRedBorder2}`, outlineOffset: "-1px" },
  cellInput: { minWidth: "0", width: "100%" },
  issues: { margin: "4px 0 0 0", paddingLeft: "18px", color: tokens.colorPaletteRedForeground1 },
  issue: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

/** A stable id for a field's message, so the input can point at it (aria-describedby). */
export function issueId(wizard: string, field: string): string {
  return `${wizard}-issue-${field.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/** The issue on exactly this field (row- and table-level issues are listed under their table). */
export function issueOn(issues: readonly Issue[], field: string): Issue | undefined {
  return issues.find((i) => i.field === field);
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

/** An input inside a table: no visible label (the column header is one), so it carries an aria-label. */
export function CellInput(props: CellInputProps): React.JSX.Element {
  const styles = useStyles();
  const issue = issueOn(props.issues, props.field);
  return (
    <Input
      size="small"
      className={issue ? `${styles.cellInput} ${styles.invalid}` : styles.cellInput}
      aria-label={props.label}
      aria-invalid={issue ? true : undefined}
      aria-describedby={issue ? issueId(props.wizard, props.field) : undefined}
      data-field={props.field}
      value={props.value}
      placeholder={props.placeholder}
      inputMode={props.numeric ? "decimal" : undefined}
      onChange={(_, data) => props.onChange(data.value)}
    />
  );
}

/** The messages of a table's cells, under the table; each is what an invalid cell points at. */
export function IssueList({ wizard, issues }: { wizard: string; issues: readonly Issue[] }): React.JSX.Element | null {
  const styles = useStyles();
  if (issues.length === 0) return null;
  return (
    <ul className={styles.issues} aria-live="polite">
      {issues.map((issue, i) => (
        <li key={`${issue.field}-${i}`} id={issue.field ? issueId(wizard, issue.field) : undefined} className={styles.issue}>
          {issue.message}
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
