/**
 * The task pane: the three wizards and the templates, on whatever Workbook port it is given
 * (Office.js in Excel, the engine in the playground). Every panel stays mounted so switching tabs
 * keeps what was typed.
 */
import * as React from "react";
import { FluentProvider, Tab, TabList, Text, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { WorkbookPort } from "../workbook/port";
import { DelegateWizard } from "./DelegateWizard";
import { PotWizard } from "./PotWizard";
import { RiskShareWizard } from "./RiskShareWizard";
import { TemplatesPanel } from "./TemplatesPanel";

const useStyles = makeStyles({
  root: { padding: "8px 12px 16px", fontFamily: tokens.fontFamilyBase, color: tokens.colorNeutralForeground1 },
  title: { display: "block", margin: "4px 0 4px" },
  panel: { paddingTop: "4px" },
});

const PANELS = [
  { id: "pot", label: "Build the pot" },
  { id: "delegate", label: "Delegate" },
  { id: "riskshare", label: "Risk share" },
  { id: "templates", label: "Templates" },
] as const;

type PanelId = (typeof PANELS)[number]["id"];

export function App({ port }: { port: WorkbookPort }): React.JSX.Element {
  const styles = useStyles();
  const [panel, setPanel] = React.useState<PanelId>("pot");
  const content: Record<PanelId, React.ReactNode> = {
    pot: <PotWizard port={port} />,
    delegate: <DelegateWizard port={port} />,
    riskshare: <RiskShareWizard port={port} />,
    templates: <TemplatesPanel port={port} />,
  };
  return (
    <div className={styles.root}>
      <Text as="h2" size={500} weight="semibold" className={styles.title}>
        ICS Finance
      </Text>
      <TabList size="small" selectedValue={panel} onTabSelect={(_, data) => setPanel(data.value as PanelId)} aria-label="Wizards">
        {PANELS.map((p) => (
          <Tab key={p.id} id={`tab-${p.id}`} value={p.id} aria-controls={`panel-${p.id}`}>
            {p.label}
          </Tab>
        ))}
      </TabList>
      {PANELS.map((p) => (
        <div key={p.id} id={`panel-${p.id}`} role="tabpanel" aria-labelledby={`tab-${p.id}`} hidden={panel !== p.id} className={styles.panel}>
          {content[p.id]}
        </div>
      ))}
    </div>
  );
}

/** Fluent's theme around anything the pane renders. */
export function Themed({ children }: { children: React.ReactNode }): React.JSX.Element {
  return <FluentProvider theme={webLightTheme}>{children}</FluentProvider>;
}
