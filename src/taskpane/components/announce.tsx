/**
 * One live region for the whole pane: what a write did, or why it failed, is announced to screen
 * readers as well as shown (Fluent's message bars speak only through an announcer of their own).
 * Polite for news, assertive for failures; the same text twice is announced twice.
 */
import * as React from "react";

export type Announce = (message: string, urgency?: "polite" | "assertive") => void;

const AnnounceContext = React.createContext<Announce>(() => undefined);

export function useAnnounce(): Announce {
  return React.useContext(AnnounceContext);
}

const hidden: React.CSSProperties = { position: "absolute", width: 1, height: 1, margin: -1, padding: 0, overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap", border: 0 };

export function Announcer({ children }: { children: React.ReactNode }): React.JSX.Element {
  const [polite, setPolite] = React.useState("");
  const [assertive, setAssertive] = React.useState("");
  const announce = React.useCallback<Announce>((message, urgency = "polite") => {
    const set = urgency === "assertive" ? setAssertive : setPolite;
    // Cleared first, so a repeat of the same words is a change the screen reader hears.
    set("");
    setTimeout(() => set(message), 50);
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div role="status" aria-live="polite" aria-atomic="true" style={hidden} data-testid="announce-polite">
        {polite}
      </div>
      <div role="alert" aria-live="assertive" aria-atomic="true" style={hidden} data-testid="announce-assertive">
        {assertive}
      </div>
    </AnnounceContext.Provider>
  );
}
