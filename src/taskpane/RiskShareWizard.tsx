/** "Risk share agreement": parties, the agreement (method, bands, contingency), what-ifs, then a preview and the write. */
import * as React from "react";
import { Checkbox, Field, Input, Radio, RadioGroup } from "@fluentui/react-components";
import { WorkbookPort } from "../workbook/port";
import { CellInput, Hint, IssueList, formatAmount, issueOn } from "./components/fields";
import { PreviewTable, RowsTable } from "./components/RowsTable";
import { RoundToField, UnitsField, withUnits } from "./components/settings";
import { Wizard } from "./components/Wizard";
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
  removeParty,
  riskShareOps,
  needsOwnVariances,
  riskShareStepOf,
  underspendChoices,
  usesBands,
} from "./wizards/riskshare";
import { freeSheetName, moneyHeader, namePrefix } from "./wizards/sheet";

const ID = "riskshare";

export function RiskShareWizard({ port }: { port: WorkbookPort }): React.JSX.Element {
  const [inputs, setInputs] = React.useState<RiskShareInputs>(() => newRiskShareInputs());
  const check = React.useMemo(() => checkRiskShare(inputs), [inputs]);
  const issues = check.issues;
  const onStep = (i: number) => issues.filter((x) => riskShareStepOf(x.field) === i);
  const set = (patch: Partial<RiskShareInputs>) => setInputs((prev) => ({ ...prev, ...patch }));
  const setParty = (index: number, patch: Partial<Party>) => setInputs((prev) => ({ ...prev, parties: prev.parties.map((p, i) => (i === index ? { ...p, ...patch } : p)) }));
  const setBand = (index: number, patch: Partial<Band>) => setInputs((prev) => ({ ...prev, bands: prev.bands.map((b, i) => (i === index ? { ...b, ...patch } : b)) }));
  const setScenario = (index: number, patch: Partial<Scenario>) => setInputs((prev) => ({ ...prev, scenarios: prev.scenarios.map((s, i) => (i === index ? { ...s, ...patch } : s)) }));
  const partyName = (i: number) => inputs.parties[i].name.trim() || `Party ${i + 1}`;
  const contingencyIssue = issueOn(issues, "contingency");
  const methodIssue = issueOn(issues, "method");
  const underspendIssue = issueOn(issues, "underspend");

  const partiesStep = (
    <>
      <Hint>The parties to the agreement, in order: the first is the host. Contributions are their budgets or pooled contributions.</Hint>
      <UnitsField units={inputs.units} onChange={(units) => setInputs((prev) => withUnits(prev, units))} />
      <Checkbox label="Caps (a maximum exposure per party)" checked={inputs.useCaps} onChange={(_, d) => set({ useCaps: Boolean(d.checked) })} />
      <RowsTable
        caption="Parties"
        headers={["Party", moneyHeader("Contribution", inputs.units), ...(inputs.useCaps ? [moneyHeader("Cap", inputs.units)] : [])]}
        rows={inputs.parties.map((party, i) => ({
          key: i,
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
      />
      <IssueList wizard={ID} issues={issues.filter((x) => x.field?.startsWith("parties"))} />
    </>
  );

  const agreementStep = (
    <>
      <Hint>How a variance is shared. A contingency absorbs a net overspend first; caps limit exposure to overspends only; an underspend is shared in full by its own rule.</Hint>
      <Field label="Method" validationState={methodIssue ? "error" : "none"} validationMessage={methodIssue?.message}>
        <RadioGroup value={inputs.method} onChange={(_, d) => set({ method: d.value as Method })}>
          {METHODS.map((m) => (
            <Radio key={m.key} value={m.key} label={`${m.key}: ${m.label}`} />
          ))}
        </RadioGroup>
      </Field>
      <Field label="Underspends" validationState={underspendIssue ? "error" : "none"} validationMessage={underspendIssue?.message}>
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
          />
          <IssueList wizard={ID} issues={issues.filter((x) => x.field?.startsWith("bands"))} />
        </>
      )}
      <Field label={moneyHeader("Contingency", inputs.units)} hint="A risk reserve; blank is none." validationState={contingencyIssue ? "error" : "none"} validationMessage={contingencyIssue?.message}>
        <Input value={inputs.contingency} inputMode="decimal" onChange={(_, d) => set({ contingency: d.value })} />
      </Field>
      <RoundToField value={inputs.roundTo} onChange={(roundTo) => set({ roundTo })} issues={issues} />
    </>
  );

  const own = needsOwnVariances(inputs);
  const whatIfStep = (
    <>
      <Hint>{own ? "Each party's own variance in each what-if (+ overspend, − underspend); they are netted first." : "The system's net variance in each what-if: + an overspend, − an underspend."}</Hint>
      <RowsTable
        caption="What-ifs"
        headers={["What-if", ...(own ? inputs.parties.map((_, i) => partyName(i)) : [moneyHeader("Variance", inputs.units)])]}
        rows={inputs.scenarios.map((scenario, s) => ({
          key: s,
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
      />
      <IssueList wizard={ID} issues={issues.filter((x) => x.field?.startsWith("scenarios"))} />
    </>
  );

  const preview = check.preview && (
    <>
      <Hint>Computed by ICS.RISKSHARE for each what-if. The sheet gets one spilling formula per what-if and checks that each adds up.</Hint>
      <PreviewTable
        caption="Share of each what-if"
        headers={["Party", ...check.preview.scenarios.map((s) => s.label)]}
        rows={check.preview.parties.map((party, p) => [party, ...check.preview!.scenarios.map((s) => formatAmount(s.shares[p], inputs.units, inputs.roundTo))])}
      />
    </>
  );

  return (
    <Wizard
      id={ID}
      finishLabel="Write the Risk share sheet"
      steps={[
        { title: "Parties", body: partiesStep, issues: onStep(0) },
        { title: "Agreement", body: agreementStep, issues: onStep(1) },
        { title: "What-ifs", body: whatIfStep, issues: onStep(2) },
        { title: "Preview and write", body: preview, issues },
      ]}
      onFinish={async () => {
        const sheet = freeSheetName(await port.sheetNames(), "Risk share");
        await port.apply(riskShareOps(inputs, sheet));
        return `Wrote the sheet "${sheet}": the parties, the agreement, one spilling ICS.RISKSHARE per what-if, the names ${namePrefix(sheet)}_Method, ${namePrefix(sheet)}_Shares and others, and a check per what-if.`;
      }}
    />
  );
}
