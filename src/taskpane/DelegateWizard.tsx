/** "Delegate to places": the amount, the places and their weights, then a preview by the core and the write. */
import * as React from "react";
import { Button, Checkbox, Field, Input, Radio, RadioGroup, Text, makeStyles } from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import { isErrorValue } from "../core";
import { quoteSheet, parseRange, cellAddress } from "../workbook/a1";
import { WorkbookPort } from "../workbook/port";
import { CellInput, Hint, IssueList, TextField, formatAmount, issueOn, useFieldStyles } from "./components/fields";
import { PreviewTable, RowsTable } from "./components/RowsTable";
import { RoundToField, UnitsField, withUnits } from "./components/settings";
import { Wizard } from "./components/Wizard";
import { useShownIssues, useTracker } from "./components/validation";
import { Warnings, useOpenWarnings } from "./components/warnings";
import {
  AmountSource,
  DelegateInputs,
  MAX_WEIGHT_COLUMNS,
  Place,
  ResolvedAmount,
  addWeightColumn,
  amountReference,
  blankPlace,
  checkDelegate,
  delegateOps,
  delegateStepOf,
  newDelegateInputs,
  removeWeightColumn,
  resolvedFrom,
  setPlaceCell,
} from "./wizards/delegate";
import { rowName } from "./wizards/messages";
import { applyPaste } from "./wizards/paste";
import { Warning, unitWarnings } from "./wizards/sanity";
import { freeSheetName, moneyHeader, namePrefix } from "./wizards/sheet";

const ID = "delegate";

const SOURCES: { value: AmountSource; label: string }[] = [
  { value: "number", label: "A number" },
  { value: "cell", label: "A cell" },
  { value: "name", label: "A defined name" },
];

const useStyles = makeStyles({
  row: { display: "flex", gap: "8px", alignItems: "flex-end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "160px" },
  headings: { display: "grid", gap: "4px", margin: "4px 0 8px", justifyItems: "stretch" },
  addColumn: { justifySelf: "start" },
  heading: { display: "flex", gap: "4px", alignItems: "flex-end" },
  toggles: { display: "flex", flexWrap: "wrap", gap: "0 12px" },
});

/** Reads the amount when it comes from a cell or a name, again whenever `refresh` changes. */
function useResolvedAmount(port: WorkbookPort, inputs: DelegateInputs, refresh: number): ResolvedAmount | undefined {
  const [resolved, setResolved] = React.useState<ResolvedAmount | undefined>();
  React.useEffect(() => {
    const ref = amountReference(inputs);
    setResolved(undefined);
    if (ref === undefined || !("kind" in ref)) return;
    let live = true;
    const timer = setTimeout(async () => {
      try {
        const reading = ref.kind === "name" ? await port.readName(ref.name) : await port.readRange(ref.sheet, ref.cell);
        if (live) setResolved(resolvedFrom(reading));
      } catch (e) {
        if (!live) return;
        const detail = e instanceof Error ? e.message : String(e);
        setResolved({ problem: ref.kind === "name" ? `is not a defined name in this workbook (${detail})` : `could not be read (${detail})` });
      }
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [port, inputs.amountSource, inputs.amount, refresh]); // eslint-disable-line react-hooks/exhaustive-deps
  return resolved;
}

function WeightHeading({ index, name, issues, onChange }: { index: number; name: string; issues: readonly import("./wizards/check").Issue[]; onChange: (v: string) => void }): React.JSX.Element {
  const field = `weightNames.${index}`;
  const issue = issueOn(issues, field);
  const tracker = useTracker();
  const fieldStyles = useFieldStyles();
  return (
    <Field style={{ flexGrow: 1, minWidth: 0 }} label={`Heading of weight column ${index + 1}`} validationState={issue ? "error" : "none"} validationMessage={issue ? { children: issue.message, role: undefined } : undefined}>
      <Input
        size="small"
        className={fieldStyles.focusRing}
        data-field={field}
        value={name}
        onChange={(_, d) => {
          tracker.changed(field);
          onChange(d.value);
        }}
        onBlur={() => tracker.left(field)}
      />
    </Field>
  );
}

export function DelegateWizard({ port }: { port: WorkbookPort }): React.JSX.Element {
  const styles = useStyles();
  const [inputs, setInputs] = React.useState<DelegateInputs>(() => newDelegateInputs());
  const [written, setWritten] = React.useState<string | undefined>();
  const [step, setStep] = React.useState(0);
  const resolved = useResolvedAmount(port, inputs, step);
  const check = React.useMemo(() => checkDelegate(inputs, resolved), [inputs, resolved]);
  const shown = useShownIssues(delegateStepOf);
  const warnings = useOpenWarnings();
  const issues = shown.visible(check.issues);
  const onStep = (i: number) => check.issues.filter((x) => delegateStepOf(x.field) === i);
  const set = (patch: Partial<DelegateInputs>) => setInputs((prev) => ({ ...prev, ...patch }));
  const setPlace = (index: number, patch: Partial<Place>) => setInputs((prev) => ({ ...prev, places: prev.places.map((p, i) => (i === index ? { ...p, ...patch } : p)) }));
  const amountIssue = issueOn(issues, "amount");

  const useSelection = async () => {
    const selection = await port.getSelection();
    const topLeft = parseRange(selection.range);
    set({ amountSource: "cell", amount: `${quoteSheet(selection.sheet)}!${cellAddress(topLeft.top, topLeft.left)}` });
  };

  const money = [
    ...(inputs.amountSource === "number" ? [{ field: "amount", label: "Amount to delegate", text: inputs.amount }] : []),
    ...inputs.places.flatMap((p, i) => [
      ...(inputs.useFloors ? [{ field: `places.${i}.floor`, label: `Floor, ${rowName("place", i, p.name)}`, text: p.floor }] : []),
      ...(inputs.useCaps ? [{ field: `places.${i}.cap`, label: `Cap, ${rowName("place", i, p.name)}`, text: p.cap }] : []),
    ]),
  ];
  const asks = warnings.open(unitWarnings(inputs.units, money)).filter((w) => shown.visible([{ field: w.field, message: "" }]).length > 0);
  const fix = (w: Warning) => {
    if (w.fix?.kind === "units-pounds") setInputs((prev) => withUnits(prev, "£"));
    warnings.keep(w.key);
  };
  const asksOn = (s: number) => asks.filter((w) => delegateStepOf(w.field) === s);

  const currentValue = resolved && "value" in resolved && typeof resolved.value === "number" ? formatAmount(resolved.value, inputs.units, inputs.roundTo) : undefined;
  const amountStep = (
    <>
      <Hint>The amount to split between places: type it, or link it to a cell or a defined name (such as a pot&apos;s total) so the delegation follows it.</Hint>
      <Field label="The amount is">
        <RadioGroup layout="horizontal" style={{ flexWrap: "wrap" }} value={inputs.amountSource} onChange={(_, d) => set({ amountSource: d.value as AmountSource, amount: "" })}>
          {SOURCES.map((s) => (
            <Radio key={s.value} value={s.value} label={s.label} />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <TextField
          className={styles.grow}
          field="amount"
          label={inputs.amountSource === "number" ? moneyHeader("Amount to delegate", inputs.units) : inputs.amountSource === "cell" ? "Cell holding the amount" : "Name of the amount"}
          hint={inputs.amountSource === "cell" ? "e.g. Pot!B11" : inputs.amountSource === "name" ? "e.g. Pot_Total" : undefined}
          value={inputs.amount}
          numeric={inputs.amountSource === "number"}
          onChange={(amount) => set({ amount })}
          issues={issues}
          note={!amountIssue && currentValue ? `Reads ${currentValue} now` : undefined}
        />
        {inputs.amountSource === "cell" && <Button onClick={useSelection}>Use selected cell</Button>}
      </div>
      <UnitsField units={inputs.units} onChange={(units) => setInputs((prev) => withUnits(prev, units))} />
      <RoundToField value={inputs.roundTo} onChange={(roundTo) => set({ roundTo })} issues={issues} />
    </>
  );

  const k = inputs.weightNames.length;
  const headers = [
    "Place",
    ...inputs.weightNames.map((h, i) => h.trim() || `Weight ${i + 1}`),
    ...(inputs.useFloors ? [moneyHeader("Floor", inputs.units)] : []),
    ...(inputs.useCaps ? [moneyHeader("Cap", inputs.units)] : []),
  ];
  const placesStep = (
    <>
      <Hint>Each place&apos;s weight is the product of its weight columns, e.g. population × need index. Floors and caps are optional amounts per place. To fill many places at once, copy the rows in Excel and paste them into the first box.</Hint>
      <Text weight="semibold" size={300}>
        Weight columns
      </Text>
      <div className={styles.headings}>
        {inputs.weightNames.map((name, i) => (
          <div key={i} className={styles.heading}>
            <WeightHeading index={i} name={name} issues={issues} onChange={(v) => setInputs((prev) => ({ ...prev, weightNames: prev.weightNames.map((w, j) => (j === i ? v : w)) }))} />
            {k > 1 && (
              <Button size="small" appearance="subtle" icon={<DeleteRegular />} aria-label={`Remove weight column ${i + 1}`} onClick={() => setInputs((prev) => removeWeightColumn(prev, i))} />
            )}
          </div>
        ))}
        {k < MAX_WEIGHT_COLUMNS && (
          <Button className={styles.addColumn} size="small" icon={<AddRegular />} onClick={() => setInputs((prev) => addWeightColumn(prev, ""))}>
            Add a weight column
          </Button>
        )}
      </div>
      <div className={styles.toggles}>
        <Checkbox label="Floors (a minimum per place)" checked={inputs.useFloors} onChange={(_, d) => set({ useFloors: Boolean(d.checked) })} />
        <Checkbox label="Caps (a maximum per place)" checked={inputs.useCaps} onChange={(_, d) => set({ useCaps: Boolean(d.checked) })} />
      </div>
      <RowsTable
        caption="Places"
        headers={headers}
        minColumnWidth={104}
        rows={inputs.places.map((place, i) => ({
          key: i,
          title: rowName("Place", i, place.name),
          cells: [
            <CellInput key="n" wizard={ID} field={`places.${i}.name`} label={`Place ${i + 1}`} value={place.name} onChange={(name) => setPlace(i, { name })} issues={issues} />,
            ...place.weights.map((w, c) => (
              <CellInput
                key={`w${c}`}
                wizard={ID}
                field={`places.${i}.weights.${c}`}
                label={`${headers[c + 1]}, place ${i + 1}`}
                value={w}
                numeric
                onChange={(value) => setPlace(i, { weights: place.weights.map((x, j) => (j === c ? value : x)) })}
                issues={issues}
              />
            )),
            ...(inputs.useFloors ? [<CellInput key="f" wizard={ID} field={`places.${i}.floor`} label={`Floor, place ${i + 1}`} value={place.floor} numeric onChange={(floor) => setPlace(i, { floor })} issues={issues} />] : []),
            ...(inputs.useCaps ? [<CellInput key="c" wizard={ID} field={`places.${i}.cap`} label={`Cap, place ${i + 1}`} value={place.cap} numeric onChange={(cap) => setPlace(i, { cap })} issues={issues} />] : []),
          ],
          onRemove: inputs.places.length > 2 ? () => setInputs((prev) => ({ ...prev, places: prev.places.filter((_, j) => j !== i) })) : undefined,
          removeLabel: `Remove place ${i + 1}`,
        }))}
        onAdd={() => setInputs((prev) => ({ ...prev, places: [...prev.places, blankPlace(prev.weightNames.length)] }))}
        addLabel="Add a place"
        paste={{ apply: (plan) => setInputs((prev) => ({ ...prev, places: applyPaste(prev.places, plan, () => blankPlace(prev.weightNames.length), setPlaceCell(prev)) })) }}
      />
      <IssueList wizard={ID} issues={issues.filter((x) => x.field === "places")} />
    </>
  );

  const preview = check.preview && (
    <>
      <Hint>Computed by ICS.DELEGATE. The sheet gets one spilling formula, so it recalculates when the amount or a weight changes.</Hint>
      <PreviewTable
        caption="Delegation to places"
        headers={["Place", moneyHeader("Delegated", inputs.units)]}
        rows={check.preview.places.map((p) => [p.name, formatAmount(p.amount, inputs.units, inputs.roundTo)])}
        footer={[["Amount", typeof check.preview.amount === "number" && !isErrorValue(check.preview.amount) ? formatAmount(check.preview.amount, inputs.units, inputs.roundTo) : ""]]}
      />
    </>
  );

  const warn = (s: number) => <Warnings items={asksOn(s)} onFix={fix} onKeep={(w) => warnings.keep(w.key)} />;
  return (
    <shown.Provider>
      <Wizard
        id={ID}
        finishLabel="Write the Delegation sheet"
        onStepChange={setStep}
        onReveal={shown.reveal}
        again={written ? { question: `This wizard already wrote the sheet "${written}". Write this delegation as another sheet? The sheet you wrote stays as it is.`, confirm: "Write another sheet" } : undefined}
        steps={[
          { title: "Amount", body: amountStep, issues: onStep(0), warnings: warn(0) },
          { title: "Places", body: placesStep, issues: onStep(1), warnings: warn(1) },
          { title: "Preview and write", body: preview, issues: check.issues },
        ]}
        onFinish={async () => {
          const sheet = freeSheetName(await port.sheetNames(), "Delegation");
          await port.apply(delegateOps(inputs, sheet));
          setWritten(sheet);
          return `Wrote the sheet "${sheet}": your places, one spilling ICS.DELEGATE, the names ${namePrefix(sheet)}_Amount, ${namePrefix(sheet)}_Delegated and others, and a check that the places add up to the amount.`;
        }}
      />
    </shown.Provider>
  );
}
