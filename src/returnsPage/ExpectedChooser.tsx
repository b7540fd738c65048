/** The organisations that should have sent a return (the CLI's --expect file): optional; a file that cannot be read says why beside it. */
import * as React from "react";
import { Button, Field } from "@fluentui/react-components";
import { parseExpected } from "../returns";
import { plural } from "./format";

/** A list of codes is a few KB; a file far larger is surely not one. */
const MAX_EXPECTED_BYTES = 1_000_000;

export interface Expected {
  file: string;
  codes: string[];
}

export interface ExpectedChooserProps {
  expected?: Expected;
  onChange: (expected: Expected | undefined) => void;
  disabled: boolean;
}

export async function readExpected(file: File): Promise<Expected> {
  if (file.size > MAX_EXPECTED_BYTES) throw new Error(`${file.name} is ${plural(Math.ceil(file.size / 1000), "KB")}; a list of organisation codes is far smaller (at most 1,000 KB). Choose the file of codes, one per line or a CSV with an OrganisationCode column.`);
  let text: string;
  try {
    text = await file.text();
  } catch {
    throw new Error(`The browser could not read ${file.name}. Choose it again.`);
  }
  return { file: file.name, codes: parseExpected(text) };
}

export function ExpectedChooser({ expected, onChange, disabled }: ExpectedChooserProps): React.JSX.Element {
  const [error, setError] = React.useState<string>();
  const input = React.useRef<HTMLInputElement>(null);
  const note = expected ? `${plural(expected.codes.length, "organisation code")} read from ${expected.file}.` : "One organisation code per line, or a CSV with an OrganisationCode column. Those that sent no return are listed as missing.";
  return (
    <Field
      label="Expected organisations (optional, .txt or .csv)"
      validationState={error ? "error" : "none"}
      validationMessage={{ children: error ?? note, role: undefined }}
    >
      {(props) => (
        <span style={{ display: "flex", gap: 12, alignItems: "center", flexWrap: "wrap" }}>
          <input
            {...props}
            ref={input}
            type="file"
            accept=".txt,.csv,text/plain,text/csv"
            disabled={disabled}
            data-testid="expected-input"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = "";
              if (!file) return;
              readExpected(file).then(
                (read) => {
                  setError(undefined);
                  onChange(read);
                },
                (err: unknown) => {
                  setError(`${file.name} cannot be used: ${err instanceof Error ? err.message : String(err)}`);
                  onChange(undefined);
                },
              );
            }}
          />
          {expected && (
            <Button
              disabled={disabled}
              onClick={() => {
                onChange(undefined);
                input.current?.focus();
              }}
            >
              Remove the list
            </Button>
          )}
        </span>
      )}
    </Field>
  );
}
