/** "Delegate to places": the amount, the places and their weights, then a preview by the core and the write. */
import * as React from "react";
import { Button, Checkbox, Field, Input, Radio, RadioGroup, Text, makeStyles } from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import { isErrorValue } from "../core";
import { quoteSheet, parseRange, cellAddress } from "../workbook/a1";
import { WorkbookPort } from "../workbook/port";
import { CellInput, Hint, IssueList, formatAmount, issueOn } from "./components/fields";
import { PreviewTable, RowsTable } from "./components/RowsTable";
import { RoundToField, UnitsField, withUnits } from "./components/settings";
import { Wizard } from "./components/Wizard";
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
} from "./wizards/delegate";
import { freeSheetName, moneyHeader, namePrefix } from "./wizards/sheet";

const ID = "delegate";

const SOURCES: { value: AmountSource; label: string }[] = [
  { value: "number", label: "A number" },
  { value: "cell", label: "A cell" },
  { value: "name", label: "A defined name" },
];

const useStyles = makeStyles({
  row: { display: "flex", gap: "8px", alignItems: "flex-end" },
  grow: { flexGrow: 1 },
  headings: { display: "grid", gap: "4px", margin: "4px 0 8px", justifyItems: "stretch" },
  addColumn: { justifySelf: "start" },
  heading: { display: "flex", gap: "4px", alignItems: "center" },
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

export function DelegateWizard({ port }: { port: WorkbookPort }): React.JSX.Element {
  const styles = useStyles();
  const [inputs, setInputs] = React.useState<DelegateInputs>(() => newDelegateInputs());
  const [step, setStep] = React.useState(0);
  const resolved = useResolvedAmount(port, inputs, step);
  const check = React.useMemo(() => checkDelegate(inputs, resolved), [inputs, resolved]);
  const issues = check.issues;
  const onStep = (i: number) => issues.filter((x) => delegateStepOf(x.field) === i);
  const set = (patch: Partial<DelegateInputs>) => setInputs((prev) => ({ ...prev, ...patch }));
  const setPlace = (index: number, patch: Partial<Place>) => setInputs((prev) => ({ ...prev, places: prev.places.map((p, i) => (i === index ? { ...p, ...patch } : p)) }));
  const amountIssue = issueOn(issues, "amount");

  const useSelection = async () => {
    const selection = await port.getSelection();
    const topLeft = parseRange(selection.range);
    set({ amountSource: "cell", amount: `${quoteSheet(selection.sheet)}!${cellAddress(topLeft.top, topLeft.left)}` });
  };

  const currentValue = resolved && "value" in resolved && typeof resolved.value === "number" ? formatAmount(resolved.value, inputs.units, inputs.roundTo) : undefined;
  const amountStep = (
    <>
      <Hint>The amount to split between places: type it, or link it to a cell or a defined name (such as a pot's total) so the delegation follows it.</Hint>
      <Field label="The amount is">
        <RadioGroup layout="horizontal" value={inputs.amountSource} onChange={(_, d) => set({ amountSource: d.value as AmountSource, amount: "" })}>
          {SOURCES.map((s) => (
            <Radio key={s.value} value={s.value} label={s.label} />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Field
          className={styles.grow}
          label={inputs.amountSource === "number" ? moneyHeader("Amount to delegate", inputs.units) : inputs.amountSource === "cell" ? "Cell holding the amount" : "Name of the amount"}
          hint={inputs.amountSource === "cell" ? "e.g. Pot!B11" : inputs.amountSource === "name" ? "e.g. Pot_Total" : undefined}
          validationState={amountIssue ? "error" : currentValue ? "success" : "none"}
          validationMessage={amountIssue?.message ?? (currentValue ? `Reads ${currentValue} now` : undefined)}
        >
          <Input value={inputs.amount} inputMode={inputs.amountSource === "number" ? "decimal" : undefined} onChange={(_, d) => set({ amount: d.value })} />
        </Field>
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
      <Hint>Each place&apos;s weight is the product of its weight columns, e.g. population × need index. Floors and caps are optional amounts per place.</Hint>
      <Text weight="semibold" size={300}>
        Weight columns
      </Text>
      <div className={styles.headings}>
        {inputs.weightNames.map((name, i) => {
          const issue = issueOn(issues, `weightNames.${i}`);
          return (
            <div key={i} className={styles.heading}>
              <Field className={styles.grow} label={`Heading of weight column ${i + 1}`} validationState={issue ? "error" : "none"} validationMessage={issue?.message}>
                <Input size="small" value={name} onChange={(_, d) => setInputs((prev) => ({ ...prev, weightNames: prev.weightNames.map((w, j) => (j === i ? d.value : w)) }))} />
              </Field>
              {k > 1 && (
                <Button size="small" appearance="subtle" icon={<DeleteRegular />} aria-label={`Remove weight column ${i + 1}`} onClick={() => setInputs((prev) => removeWeightColumn(prev, i))} />
              )}
            </div>
          );
        })}
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
        rows={inputs.places.map((place, i) => ({
          key: i,
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
      />
      <IssueList wizard={ID} issues={issues.filter((x) => x.field?.startsWith("places"))} />
    </>
  );

  const preview = check.preview && (
    <>
      <Hint>Computed by ICS.DELEGATE. The sheet gets one spilling formula, so it recalculates when the amount or a weight changes.</Hint>
      <PreviewTable
        caption="Delegation to places"
        headers={["Place", moneyHeader("Delegated", inputs.units)]}
        rows={check.preview.places.map((p) => [p.name, formatAmount(p.amount, inputs.units, inputs.roundTo)])}
        footer={["Amount", typeof check.preview.amount === "number" && !isErrorValue(check.preview.amount) ? formatAmount(check.preview.amount, inputs.units, inputs.roundTo) : ""]}
      />
    </>
  );

  return (
    <Wizard
      id={ID}
      finishLabel="Write the Delegation sheet"
      onStepChange={setStep}
      steps={[
        { title: "Amount", body: amountStep, issues: onStep(0) },
        { title: "Places", body: placesStep, issues: onStep(1) },
        { title: "Preview and write", body: preview, issues },
      ]}
      onFinish={async () => {
        const sheet = freeSheetName(await port.sheetNames(), "Delegation");
        await port.apply(delegateOps(inputs, sheet));
        return `Wrote the sheet "${sheet}": your places, one spilling ICS.DELEGATE, the names ${namePrefix(sheet)}_Amount, ${namePrefix(sheet)}_Delegated and others, and a check that the places add up to the amount.`;
      }}
    />
  );
}
