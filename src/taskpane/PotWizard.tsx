/** "Build the pot": year and units, the stream lines, then a preview by the core and the write. */
import * as React from "react";
import { Field, Input, Select } from "@fluentui/react-components";
import { WorkbookPort } from "../workbook/port";
import { CellInput, Hint, IssueList, formatAmount, issueId, issueOn } from "./components/fields";
import { PreviewTable, RowsTable } from "./components/RowsTable";
import { Wizard } from "./components/Wizard";
import { PotInputs, PotLine, STREAM_CHOICES, blankLine, checkPot, newPotInputs, potOps, potStepOf } from "./wizards/pot";
import { RoundToField, UnitsField, withUnits } from "./components/settings";
import { freeSheetName, moneyHeader, namePrefix } from "./wizards/sheet";

const ID = "pot";

export function PotWizard({ port }: { port: WorkbookPort }): React.JSX.Element {
  const [inputs, setInputs] = React.useState<PotInputs>(() => newPotInputs());
  const check = React.useMemo(() => checkPot(inputs), [inputs]);
  const issues = check.issues;
  const onStep = (i: number) => issues.filter((x) => potStepOf(x.field) === i);
  const setLine = (index: number, patch: Partial<PotLine>) => setInputs((prev) => ({ ...prev, lines: prev.lines.map((l, i) => (i === index ? { ...l, ...patch } : l)) }));
  const yearIssue = issueOn(issues, "year");

  const setup = (
    <>
      <Hint>The pot brings each funding stream into one budget. Choose the year and the units the sheet is kept in.</Hint>
      <Field label="Financial year" hint="April to March, e.g. 2025/26" validationState={yearIssue ? "error" : "none"} validationMessage={yearIssue?.message}>
        <Input value={inputs.year} onChange={(_, d) => setInputs((prev) => ({ ...prev, year: d.value }))} />
      </Field>
      <UnitsField units={inputs.units} onChange={(units) => setInputs((prev) => withUnits(prev, units))} />
      <RoundToField value={inputs.roundTo} onChange={(roundTo) => setInputs((prev) => ({ ...prev, roundTo }))} issues={issues} />
    </>
  );

  const lines = (
    <>
      <Hint>One line per budget line: its stream, the amount, and the share of it brought into the pot (blank is 100%, e.g. 85% of specialised services).</Hint>
      <RowsTable
        caption="Stream lines"
        headers={["Stream", moneyHeader("Amount", inputs.units), "Pooled share"]}
        widths={["46%", "30%", "24%"]}
        rows={inputs.lines.map((line, i) => ({
          key: i,
          cells: [
            <Select
              key="s"
              size="small"
              aria-label={`Stream, line ${i + 1}`}
              aria-invalid={issueOn(issues, `lines.${i}.stream`) ? true : undefined}
              aria-describedby={issueOn(issues, `lines.${i}.stream`) ? issueId(ID, `lines.${i}.stream`) : undefined}
              value={line.stream}
              onChange={(_, d) => setLine(i, { stream: d.value })}
            >
              <option value="">Choose…</option>
              {STREAM_CHOICES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>,
            <CellInput key="a" wizard={ID} field={`lines.${i}.amount`} label={`Amount, line ${i + 1}`} value={line.amount} onChange={(amount) => setLine(i, { amount })} issues={issues} numeric />,
            <CellInput key="p" wizard={ID} field={`lines.${i}.share`} label={`Pooled share, line ${i + 1}`} value={line.share} placeholder="100%" onChange={(share) => setLine(i, { share })} issues={issues} numeric />,
          ],
          onRemove: inputs.lines.length > 1 ? () => setInputs((prev) => ({ ...prev, lines: prev.lines.filter((_, j) => j !== i) })) : undefined,
          removeLabel: `Remove line ${i + 1}`,
        }))}
        onAdd={() => setInputs((prev) => ({ ...prev, lines: [...prev.lines, blankLine()] }))}
        addLabel="Add a line"
      />
      <IssueList wizard={ID} issues={issues.filter((x) => x.field?.startsWith("lines"))} />
    </>
  );

  const preview = check.preview && (
    <>
      <Hint>Computed by ICS.POTSTREAMS and ICS.POT from your lines. The sheet gets these as live formulas, so it recalculates when you change a line.</Hint>
      <PreviewTable
        caption={`Single pot ${inputs.year}`}
        headers={["Stream", moneyHeader("Pooled", inputs.units)]}
        rows={check.preview.streams.map((s) => [s.stream, formatAmount(s.amount, inputs.units, inputs.roundTo)])}
        footer={["Pot", formatAmount(check.preview.total, inputs.units, inputs.roundTo)]}
      />
    </>
  );

  return (
    <Wizard
      id={ID}
      finishLabel="Write the Pot sheet"
      steps={[
        { title: "Year and units", body: setup, issues: onStep(0) },
        { title: "Stream lines", body: lines, issues: onStep(1) },
        { title: "Preview and write", body: preview, issues },
      ]}
      onFinish={async () => {
        const sheet = freeSheetName(await port.sheetNames(), "Pot");
        await port.apply(potOps(inputs, sheet));
        return `Wrote the sheet "${sheet}": your lines, ICS.POT and ICS.POTSTREAMS as live formulas, the names ${namePrefix(sheet)}_Total, ${namePrefix(sheet)}_Amounts and others, and a check that the streams add up to the pot.`;
      }}
    />
  );
}
