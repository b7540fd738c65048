/**
 * When a problem is shown: not while the user is still typing, and never before they have typed.
 * A field's problem shows once the user has changed the field and left it, or once they have
 * pressed Next (or the write button) on its step; a table's problem once they have left one of
 * its cells. The checks themselves run on every keystroke (the preview stays live).
 */
import * as React from "react";
import { Issue } from "../wizards/check";

export interface Tracker {
  changed(field: string): void;
  left(field: string): void;
}

const TrackerContext = React.createContext<Tracker>({ changed: () => undefined, left: () => undefined });

export function useTracker(): Tracker {
  return React.useContext(TrackerContext);
}

export interface ShownIssues {
  /** The issues to show now, of those the checks found. */
  visible(issues: readonly Issue[]): Issue[];
  /** Shows every problem of a step (Next was pressed on it). */
  reveal(step: number): void;
  Provider: (props: { children: React.ReactNode }) => React.JSX.Element;
}

export function useShownIssues(stepOf: (field: string | undefined) => number): ShownIssues {
  const [touched, setTouched] = React.useState<ReadonlySet<string>>(new Set());
  const [revealed, setRevealed] = React.useState<ReadonlySet<number>>(new Set());
  const dirty = React.useRef(new Set<string>());
  const tracker = React.useMemo<Tracker>(
    () => ({
      changed: (field) => dirty.current.add(field),
      left: (field) => {
        if (!dirty.current.has(field)) return;
        dirty.current.delete(field);
        setTouched((prev) => (prev.has(field) ? prev : new Set([...prev, field])));
      },
    }),
    [],
  );
  const visible = React.useCallback(
    (issues: readonly Issue[]) =>
      issues.filter((issue) => {
        if (revealed.has(stepOf(issue.field))) return true;
        const field = issue.field;
        if (field === undefined) return false;
        for (const t of touched) if (t === field || t.startsWith(`${field}.`)) return true;
        return false;
      }),
    [touched, revealed, stepOf],
  );
  const reveal = React.useCallback((step: number) => setRevealed((prev) => (prev.has(step) ? prev : new Set([...prev, step]))), []);
  const Provider = React.useCallback(({ children }: { children: React.ReactNode }) => <TrackerContext.Provider value={tracker}>{children}</TrackerContext.Provider>, [tracker]);
  return { visible, reveal, Provider };
}
