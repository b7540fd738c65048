/** Units and rounding, asked the same way by every wizard. */
import * as React from "react";
import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import { Issue } from "../wizards/check";
import { UNITS, Units, defaultRoundTo } from "../wizards/sheet";
import { TextField } from "./fields";

export function UnitsField({ units, onChange }: { units: Units; onChange: (units: Units) => void }): React.JSX.Element {
  return (
    <Field label="Units">
      <RadioGroup layout="horizontal" value={units} onChange={(_, data) => onChange(data.value as Units)} style={{ flexWrap: "wrap" }}>
        {UNITS.map((u) => (
          <Radio key={u} value={u} label={u === "£000" ? "£000 (thousands)" : "£ (pounds)"} />
        ))}
      </RadioGroup>
    </Field>
  );
}

export function RoundToField({ value, onChange, issues }: { value: string; onChange: (v: string) => void; issues: readonly Issue[] }): React.JSX.Element {
  return (
    <TextField
      field="roundTo"
      label="Round to"
      hint="A power of ten in the sheet's units: 1 is whole units, 0.01 is pence. Splits add up exactly at this unit."
      value={value}
      numeric
      onChange={onChange}
      issues={issues}
    />
  );
}

/** Switching units moves the rounding to the new default unless the user chose another. */
export function withUnits<T extends { units: Units; roundTo: string }>(inputs: T, units: Units): T {
  const roundTo = inputs.roundTo === defaultRoundTo(inputs.units) ? defaultRoundTo(units) : inputs.roundTo;
  return { ...inputs, units, roundTo };
}
