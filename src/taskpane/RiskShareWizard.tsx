/** "Risk share agreement": parties, the agreement (method, bands, contingency), what-ifs, then a preview and the write. */
import * as React from "react";
import { Checkbox, Field, Radio, RadioGroup } from "@fluentui/react-components";
import { WorkbookPort } from "../workbook/port";
import { CellInput, Hint, IssueList, TextField, formatAmount, issueOn } from "./components/fields";
import { PreviewTable, RowsTable } from "./components/RowsTable";
import { RoundToField, UnitsField, withUnits } from "./components/settings";
import { Wizard } from "./components/Wizard";
import { useShownIssues } from "./components/validation";
import { Warnings, useOpenWarnings } from "./components/warnings";
import { rowName } from "./wizards/messages";
import {
  Band,
  METHODS,
  Method,
  Party,
  RiskShareInputs,
  Scenario,
  Underspend,
  addBand,
  addParty,
  addScenario,
  checkRiskShare,
  newRiskShareInputs,
  pasteBands,
  pasteParties,
  pasteScenarios,
  removeParty,
  riskShareOps,
  riskShareStepOf,
  needsOwnVariances,
  underspendChoices,
  usesBands,
} from "./wizards/riskshare";
import { Warning, negated, signWarnings, unitWarnings } from "./wizards/sanity";
import { freeSheetName, moneyHeader, namePrefix } from "./wizards/sheet";

const ID = "riskshare";

export function RiskShareWizard({ port }: { port: WorkbookPort }): React.JSX.Element {
  const [inputs, setInputs] = React.useState<RiskShareInputs>(() => newRiskShareInputs());
  const [written, setWritten] = React.useState<string | undefined>();
  const check = React.useMemo(() => checkRiskShare(inputs), [inputs]);
  const shown = useShownIssues(riskShareStepOf);
  const warnings = useOpenWarnings();
  const issues = shown.visible(check.issues);
  const onStep = (i: number) => check.issues.filter((x) => riskShareStepOf(x.field) === i);
  const set = (patch: Partial<RiskShareInputs>) => setInputs((prev) => ({ ...prev, ...patch }));
  const setParty = (index: number, patch: Partial<Party>) => setInputs((prev) => ({ ...prev, parties: prev.parties.map((p, i) => (i === index ? { ...p, ...patch } : p)) }));
  const setBand = (index: number, patch: Partial<Band>) => setInputs((prev) => ({ ...prev, bands: prev.bands.map((b, i) => (i === index ? { ...b, ...patch } : b)) }));
  const setScenario = (index: number, patch: Partial<Scenario>) => setInputs((prev) => ({ ...prev, scenarios: prev.scenarios.map((s, i) => (i === index ? { ...s, ...patch } : s)) }));
  const partyName = (i: number) => inputs.parties[i].name.trim() || `Party ${i + 1}`;
  const methodIssue = issueOn(issues, "method");
  const underspendIssue = issueOn(issues, "underspend");
  const own = needsOwnVariances(inputs);

  const asks = warnings
    .open([
      ...unitWarnings(inputs.units, [
        ...inputs.parties.map((p, i) => ({ field: `parties.${i}.contribution`, label: `Contribution, ${rowName("party", i, p.name)}`, text: p.contribution })),
        { field: "contingency", label: "Contingency", text: inputs.contingency },
      ]),
      ...(own ? [] : signWarnings(inputs.units, inputs.scenarios.map((s, i) => ({ field: `scenarios.${i}.variance`, label: s.label, text: s.variance })))),
    ])
    .filter((w) => shown.visible([{ field: w.field, message: "" }]).length > 0);
  const fix = (w: Warning) => {
    if (w.fix?.kind === "units-pounds") setInputs((prev) => withUnits(prev, "£"));
    if (w.fix?.kind === "negate") {
      const s = Number(w.field.split(".")[1]);
      setScenario(s, { variance: negated(inputs.scenarios[s].variance) });
    }
    warnings.keep(w.key);
  };
  const warn = (s: number) => <Warnings items={asks.filter((w) => riskShareStepOf(w.field) === s)} onFix={fix} onKeep={(w) => warnings.keep(w.key)} />;

  const partiesStep = (
    <>
      <Hint>The parties to the agreement, in order: the first is the host. Contributions are their budgets or pooled contributions.</Hint>
      <UnitsField units={inputs.units} onChange={(units) => setInputs((prev) => withUnits(prev, units))} />
      <Checkbox label="Caps (a maximum exposure per party)" checked={inputs.useCaps} onChange={(_, d) => set({ useCaps: Boolean(d.checked) })} />
      <RowsTable
        caption="Parties"
        headers={["Party", moneyHeader("Contribution", inputs.units), ...(inputs.useCaps ? [moneyHeader("Cap", inputs.units)] : [])]}
        minColumnWidth={110}
        rows={inputs.parties.map((party, i) => ({
          key: i,
          title: rowName("Party", i, party.name),
          cells: [
            <CellInput key="n" wizard={ID} field={`parties.${i}.name`} label={`Party ${i + 1}`} value={party.name} onChange={(name) => setParty(i, { name })} issues={issues} />,
            <CellInput key="c" wizard={ID} field={`parties.${i}.contribution`} label={`Contribution, party ${i + 1}`} value={party.contribution} numeric onChange={(contribution) => setParty(i, { contribution })} issues={issues} />,
            ...(inputs.useCaps ? [<CellInput key="p" wizard={ID} field={`parties.${i}.cap`} label={`Cap, party ${i + 1}`} value={party.cap} numeric onChange={(cap) => setParty(i, { cap })} issues={issues} />] : []),
          ],
          onRemove: inputs.parties.length > 1 ? () => setInputs((prev) => removeParty(prev, i)) : undefined,
          removeLabel: `Remove party ${i + 1}`,
        }))}
        onAdd={() => setInputs(addParty)}
        addLabel="Add a party"
        paste={{ apply: (plan) => setInputs((prev) => pasteParties(prev, plan)) }}
      />
      <IssueList wizard={ID} issues={issues.filter((x) => x.field === "parties")} />
    </>
  );

  const agreementStep = (
    <>
      <Hint>How a variance is shared. A contingency absorbs a net overspend first; caps limit exposure to overspends only; an underspend is shared in full by its own rule.</Hint>
      <Field label="Method" validationState={methodIssue ? "error" : "none"} validationMessage={methodIssue ? { children: methodIssue.message, role: undefined } : undefined}>
        <RadioGroup value={inputs.method} onChange={(_, d) => set({ method: d.value as Method })}>
          {METHODS.map((m) => (
            <Radio key={m.key} value={m.key} label={`${m.key}: ${m.label}`} />
          ))}
        </RadioGroup>
      </Field>
      <Field label="Underspends" validationState={underspendIssue ? "error" : "none"} validationMessage={underspendIssue ? { children: underspendIssue.message, role: undefined } : undefined}>
        <RadioGroup value={inputs.underspend} onChange={(_, d) => set({ underspend: d.value as Underspend })}>
          {underspendChoices(inputs.method).map((m) => (
            <Radio key={m.key || "default"} value={m.key} label={m.key ? `${m.label} ("${m.key}")` : m.label} />
          ))}
        </RadioGroup>
      </Field>
      {usesBands(inputs) && (
        <>
          <RowsTable
            caption="Bands (a blank limit is no limit; a row of blank shares is pro rata)"
            headers={[moneyHeader("Up to", inputs.units), ...inputs.parties.map((_, i) => partyName(i))]}
            rows={inputs.bands.map((band, b) => ({
              key: b,
              title: `Band ${b + 1}`,
              cells: [
                <CellInput key="u" wizard={ID} field={`bands.${b}.upTo`} label={`Band ${b + 1} up to`} value={band.upTo} numeric onChange={(upTo) => setBand(b, { upTo })} issues={issues} />,
                ...band.shares.map((share, p) => (
                  <CellInput
                    key={`s${p}`}
                    wizard={ID}
                    field={`bands.${b}.shares.${p}`}
                    label={`Band ${b + 1}, share of ${partyName(p)}`}
                    value={share}
                    numeric
                    placeholder="%"
                    onChange={(value) => setBand(b, { shares: band.shares.map((x, j) => (j === p ? value : x)) })}
                    issues={issues}
                  />
                )),
              ],
              onRemove: inputs.bands.length > 1 ? () => set({ bands: inputs.bands.filter((_, j) => j !== b) }) : undefined,
              removeLabel: `Remove band ${b + 1}`,
            }))}
            onAdd={() => setInputs(addBand)}
            addLabel="Add a band"
            paste={{ apply: (plan) => setInputs((prev) => pasteBands(prev, plan)) }}
          />
          <IssueList wizard={ID} issues={issues.filter((x) => x.field === "bands" || /^bands\.\d+$/.test(x.field ?? ""))} />
        </>
      )}
      <TextField field="contingency" label={moneyHeader("Contingency", inputs.units)} hint="A risk reserve; blank is none." value={inputs.contingency} numeric onChange={(contingency) => set({ contingency })} issues={issues} />
      <RoundToField value={inputs.roundTo} onChange={(roundTo) => set({ roundTo })} issues={issues} />
    </>
  );

  const whatIfStep = (
    <>
      <Hint>{own ? "Each party's own variance in each what-if (+ overspend, − underspend); they are netted first." : "The system's net variance in each what-if: + an overspend, − an underspend."}</Hint>
      <RowsTable
        caption="What-ifs"
        headers={["What-if", ...(own ? inputs.parties.map((_, i) => partyName(i)) : [moneyHeader("Variance", inputs.units)])]}
        minColumnWidth={110}
        rows={inputs.scenarios.map((scenario, s) => ({
          key: s,
          title: rowName("What-if", s, scenario.label),
          cells: [
            <CellInput key="l" wizard={ID} field={`scenarios.${s}.label`} label={`What-if ${s + 1}`} value={scenario.label} onChange={(label) => setScenario(s, { label })} issues={issues} />,
            ...(own
              ? scenario.own.map((v, p) => (
                  <CellInput
                    key={`o${p}`}
                    wizard={ID}
                    field={`scenarios.${s}.own.${p}`}
                    label={`${scenario.label || `What-if ${s + 1}`}, variance of ${partyName(p)}`}
                    value={v}
                    numeric
                    onChange={(value) => setScenario(s, { own: scenario.own.map((x, j) => (j === p ? value : x)) })}
                    issues={issues}
                  />
                ))
              : [
                  <CellInput
                    key="v"
                    wizard={ID}
                    field={`scenarios.${s}.variance`}
                    label={`${scenario.label || `What-if ${s + 1}`}, variance`}
                    value={scenario.variance}
                    numeric
                    onChange={(variance) => setScenario(s, { variance })}
                    issues={issues}
                  />,
                ]),
          ],
          onRemove: inputs.scenarios.length > 1 ? () => set({ scenarios: inputs.scenarios.filter((_, j) => j !== s) }) : undefined,
          removeLabel: `Remove what-if ${s + 1}`,
        }))}
        onAdd={() => setInputs(addScenario)}
        addLabel="Add a what-if"
        paste={{ apply: (plan) => setInputs((prev) => pasteScenarios(prev, plan)) }}
      />
      <IssueList wizard={ID} issues={issues.filter((x) => x.field === "scenarios")} />
    </>
  );

  const fmt = (v: number) => formatAmount(v, inputs.units, inputs.roundTo);
  const preview = check.preview && (
    <>
      <Hint>Computed by ICS.RISKSHARE for each what-if. The sheet gets one spilling formula per what-if and checks that the shares and the contingency add up to the variance.</Hint>
      <PreviewTable
        caption="Share of each what-if"
        headers={["Party", ...check.preview.scenarios.map((s) => s.label)]}
        rows={check.preview.parties.map((party, p) => [party, ...check.preview!.scenarios.map((s) => fmt(s.shares[p]))])}
        footer={[
          ["Borne by the contingency", ...check.preview.scenarios.map((s) => fmt(s.contingency))],
          ...(check.preview.scenarios.some((s) => s.retained !== 0) ? [["Retained in the pool", ...check.preview.scenarios.map((s) => fmt(s.retained))]] : []),
          ["Total (the variance)", ...check.preview.scenarios.map((s) => fmt(s.variance))],
        ]}
      />
    </>
  );

  return (
    <shown.Provider>
      <Wizard
        id={ID}
        finishLabel="Write the Risk share sheet"
        onReveal={shown.reveal}
        again={written ? { question: `This wizard already wrote the sheet "${written}". Write this agreement as another sheet? The sheet you wrote stays as it is.`, confirm: "Write another sheet" } : undefined}
        steps={[
          { title: "Parties", body: partiesStep, issues: onStep(0), warnings: warn(0) },
          { title: "Agreement", body: agreementStep, issues: onStep(1), warnings: warn(1) },
          { title: "What-ifs", body: whatIfStep, issues: onStep(2), warnings: warn(2) },
          { title: "Preview and write", body: preview, issues: check.issues },
        ]}
        onFinish={async () => {
          const sheet = freeSheetName(await port.sheetNames(), "Risk share");
          await port.apply(riskShareOps(inputs, sheet));
          setWritten(sheet);
          return `Wrote the sheet "${sheet}": the parties, the agreement, one spilling ICS.RISKSHARE per what-if, the names ${namePrefix(sheet)}_Method, ${namePrefix(sheet)}_Shares and others, and a check per what-if.`;
        }}
      />
    </shown.Provider>
  );
}
