/** The returns to check: a labelled file input and a drop zone (which Enter or Space also opens), with the list so far. */
import * as React from "react";
import { Button, Field, Text, makeStyles, shorthands, tokens } from "@fluentui/react-components";
import { ChosenFile, fromDrop, fromFileList, sortOut } from "./files";
import { plural } from "./format";

const useStyles = makeStyles({
  drop: {
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    minHeight: "96px",
    padding: "16px",
    ...shorthands.border("2px", "dashed", tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    textAlign: "center",
    cursor: "pointer",
    ":focus-visible": { outlineWidth: "2px", outlineStyle: "solid", outlineColor: tokens.colorStrokeFocus2, outlineOffset: "2px" },
  },
  over: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  list: { display: "flex", gap: "12px", alignItems: "center", flexWrap: "wrap" },
});

export interface ReturnsChooserProps {
  files: readonly ChosenFile[];
  onAdd: (files: ChosenFile[], skipped: string[]) => void;
  onClear: () => void;
  /** Why the list cannot be checked (nothing chosen), or what was left out. */
  message?: { text: string; error: boolean };
  disabled: boolean;
}

export function ReturnsChooser({ files, onAdd, onClear, message, disabled }: ReturnsChooserProps): React.JSX.Element {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [over, setOver] = React.useState(false);
  const add = (chosen: ChosenFile[]) => {
    const { returns, skipped } = sortOut(chosen);
    onAdd(returns, skipped);
  };
  const open = () => {
    if (!disabled) input.current?.click();
  };
  return (
    <section aria-labelledby="returns-heading">
      <h2 id="returns-heading">1. Returns</h2>
      <Field
        label="Returns to check (.xlsx or .xlsm, as many as you like)"
        validationState={message?.error ? "error" : "none"}
        validationMessage={message ? { children: message.text, role: undefined } : undefined}
      >
        {(props) => (
          <input
            {...props}
            ref={input}
            type="file"
            multiple
            accept=".xlsx,.xlsm"
            disabled={disabled}
            data-testid="returns-input"
            onChange={(e) => {
              add(fromFileList(e.currentTarget.files));
              // Choosing the same file again still fires a change.
              e.currentTarget.value = "";
            }}
          />
        )}
      </Field>
      <div
        role="button"
        tabIndex={disabled ? -1 : 0}
        aria-disabled={disabled || undefined}
        data-testid="drop-zone"
        className={`${styles.drop} ${over ? styles.over : ""}`}
        onClick={open}
        onKeyDown={(e) => {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            open();
          }
        }}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = disabled ? "none" : "copy";
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (disabled) return;
          void fromDrop(e.dataTransfer).then(add);
        }}
      >
        Drop returns or folders of returns here, or press Enter to choose files
      </div>
      <div className={styles.list}>
        <Text data-testid="chosen-count">{files.length === 0 ? "No returns chosen yet." : `${plural(files.length, "return")} chosen.`}</Text>
        {files.length > 0 && (
          <Button onClick={onClear} disabled={disabled}>
            Clear the list
          </Button>
        )}
      </div>
    </section>
  );
}
