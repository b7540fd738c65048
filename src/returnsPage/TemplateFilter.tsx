/** `--template`: check only returns of one template; returns of another are findings, not checked against the wrong spec. */
import * as React from "react";
import { Field, Select } from "@fluentui/react-components";
import { TEMPLATES } from "../templates";

export function TemplateFilter({ value, onChange, disabled }: { value: string; onChange: (name: string) => void; disabled: boolean }): React.JSX.Element {
  return (
    <Field label="Template the returns should be" hint="With a template chosen, a return of another template is reported, not checked against the wrong one.">
      <Select value={value} disabled={disabled} onChange={(_, data) => onChange(data.value)} data-testid="template-filter">
        <option value="">Any template</option>
        {TEMPLATES.map((t) => (
          <option key={t.name} value={t.name}>
            {t.title} ({t.name})
          </option>
        ))}
      </Select>
    </Field>
  );
}
