/** "Build the pot": year and units, the stream lines, then a preview by the core and the write. */
import * as React from "react";
import { Select, makeStyles, tokens } from "@fluentui/react-components";
import { WorkbookPort } from "../workbook/port";
import { CellInput, Hint, IssueList, TextField, formatAmount, issueId, issueOn, useFieldStyles } from "./components/fields";
import { PreviewTable, RowsTable } from "./components/RowsTable";
import { Wizard } from "./components/Wizard";
import { useShownIssues, useTracker } from "./components/validation";
import { Warnings, useOpenWarnings } from "./components/warnings";
import { PotInputs, PotLine, STREAM_CHOICES, blankLine, checkPot, newPotInputs, potOps, potStepOf, setLineCell } from "./wizards/pot";
import { applyPaste } from "./wizards/paste";
import { Warning, unitWarnings } from "./wizards/sanity";
import { RoundToField, UnitsField, withUnits } from "./components/settings";
import { freeSheetName, moneyHeader, namePrefix } from "./wizards/sheet";
import { rowName } from "./wizards/messages";

const ID = "pot";

const useStyles = makeStyles({
  message: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200, marginTop: "2px" },
});

function StreamSelect({ line, index, issues, onChange }: { line: PotLine; index: number; issues: readonly import("./wizards/check").Issue[]; onChange: (stream: string) => void }): React.JSX.Element {
  const field = `lines.${index}.stream`;
  const fieldStyles = useFieldStyles();
  const styles = useStyles();
  const tracker = useTracker();
  const issue = issueOn(issues, field);
  const unknown = line.stream !== "" && !STREAM_CHOICES.includes(line.stream);
  return (
    <>
      <Select
        size="small"
        className={fieldStyles.focusRing}
        aria-label={`Stream, line ${index + 1}`}
        aria-invalid={issue ? true : undefined}
        aria-describedby={issue ? issueId(ID, field) : undefined}
        data-field={field}
        value={line.stream}
        onChange={(_, d) => {
          tracker.changed(field);
          onChange(d.value);
        }}
        onBlur={() => tracker.left(field)}
      >
        <option value="">Choose…</option>
        {unknown && <option value={line.stream}>{line.stream} (not a stream)</option>}
        {STREAM_CHOICES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </Select>
      {issue && (
        <div id={issueId(ID, field)} className={styles.message}>
          {issue.message}
        </div>
      )}
    </>
  );
}

export function PotWizard({ port }: { port: WorkbookPort }): React.JSX.Element {
  const [inputs, setInputs] = React.useState<PotInputs>(() => newPotInputs());
  const [written, setWritten] = React.useState<string | undefined>();
  const check = React.useMemo(() => checkPot(inputs), [inputs]);
  const shown = useShownIssues(potStepOf);
  const warnings = useOpenWarnings();
  const issues = shown.visible(check.issues);
  const onStep = (i: number) => check.issues.filter((x) => potStepOf(x.field) === i);
  const setLine = (index: number, patch: Partial<PotLine>) => setInputs((prev) => ({ ...prev, lines: prev.lines.map((l, i) => (i === index ? { ...l, ...patch } : l)) }));

  const asks = warnings.open(
    unitWarnings(
      inputs.units,
      inputs.lines.map((l, i) => ({ field: `lines.${i}.amount`, label: `Amount, ${rowName("line", i, l.stream)}`, text: l.amount })),
    ),
  ).filter((w) => shown.visible([{ field: w.field, message: "" }]).length > 0);
  const fix = (w: Warning) => {
    if (w.fix?.kind === "units-pounds") setInputs((prev) => withUnits(prev, "£"));
    warnings.keep(w.key);
  };

  const setup = (
    <>
      <Hint>The pot brings each funding stream into one budget. Choose the year and the units the sheet is kept in.</Hint>
      <TextField field="year" label="Financial year" hint="April to March, e.g. 2025/26" value={inputs.year} onChange={(year) => setInputs((prev) => ({ ...prev, year }))} issues={issues} />
      <UnitsField units={inputs.units} onChange={(units) => setInputs((prev) => withUnits(prev, units))} />
      <RoundToField value={inputs.roundTo} onChange={(roundTo) => setInputs((prev) => ({ ...prev, roundTo }))} issues={issues} />
    </>
  );

  const lines = (
    <>
      <Hint>One line per budget line: its stream, the amount, and the share of it brought into the pot (blank is 100%, e.g. 85% of specialised services). You can paste lines copied from Excel into any box.</Hint>
      <RowsTable
        caption="Stream lines"
        headers={["Stream", moneyHeader("Amount", inputs.units), "Pooled share"]}
        minColumnWidth={110}
        rows={inputs.lines.map((line, i) => ({
          key: i,
          title: rowName("Line", i, line.stream),
          cells: [
            <StreamSelect key="s" line={line} index={i} issues={issues} onChange={(stream) => setLine(i, { stream })} />,
            <CellInput key="a" wizard={ID} field={`lines.${i}.amount`} label={`Amount, line ${i + 1}`} value={line.amount} onChange={(amount) => setLine(i, { amount })} issues={issues} numeric />,
            <CellInput key="p" wizard={ID} field={`lines.${i}.share`} label={`Pooled share, line ${i + 1}`} value={line.share} placeholder="100%" onChange={(share) => setLine(i, { share })} issues={issues} numeric />,
          ],
          onRemove: inputs.lines.length > 1 ? () => setInputs((prev) => ({ ...prev, lines: prev.lines.filter((_, j) => j !== i) })) : undefined,
          removeLabel: `Remove line ${i + 1}`,
        }))}
        onAdd={() => setInputs((prev) => ({ ...prev, lines: [...prev.lines, blankLine()] }))}
        addLabel="Add a line"
        paste={{ apply: (plan) => setInputs((prev) => ({ ...prev, lines: applyPaste(prev.lines, plan, blankLine, setLineCell) })) }}
      />
      <IssueList wizard={ID} issues={issues.filter((x) => x.field === "lines")} />
    </>
  );

  const preview = check.preview && (
    <>
      <Hint>Computed by ICS.POTSTREAMS and ICS.POT from your lines. The sheet gets these as live formulas, so it recalculates when you change a line.</Hint>
      <PreviewTable
        caption={`Single pot ${inputs.year}`}
        headers={["Stream", moneyHeader("Pooled", inputs.units)]}
        rows={check.preview.streams.map((s) => [s.stream, formatAmount(s.amount, inputs.units, inputs.roundTo)])}
        footer={[["Pot", formatAmount(check.preview.total, inputs.units, inputs.roundTo)]]}
      />
    </>
  );

  return (
    <shown.Provider>
      <Wizard
        id={ID}
        finishLabel="Write the Pot sheet"
        onReveal={shown.reveal}
        again={written ? { question: `This wizard already wrote the sheet "${written}". Write these lines as another sheet? The sheet you wrote stays as it is.`, confirm: `Write another sheet` } : undefined}
        steps={[
          { title: "Year and units", body: setup, issues: onStep(0) },
          { title: "Stream lines", body: lines, issues: onStep(1), warnings: <Warnings items={asks} onFix={fix} onKeep={(w) => warnings.keep(w.key)} /> },
          { title: "Preview and write", body: preview, issues: check.issues },
        ]}
        onFinish={async () => {
          const sheet = freeSheetName(await port.sheetNames(), "Pot");
          await port.apply(potOps(inputs, sheet));
          setWritten(sheet);
          return `Wrote the sheet "${sheet}": your lines, ICS.POT and ICS.POTSTREAMS as live formulas, the names ${namePrefix(sheet)}_Total, ${namePrefix(sheet)}_Amounts and others, and a check that the streams add up to the pot.`;
        }}
      />
    </shown.Provider>
  );
}
