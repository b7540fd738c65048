/**
 * The task pane: the three wizards and the templates, on whatever Workbook port it is given
 * (Office.js in Excel, the engine in the playground). Every panel stays mounted so switching tabs
 * keeps what was typed. The tabs that do not fit the pane's width (Excel's narrowest is 320 px)
 * move into a "More" menu, so the pane never scrolls sideways.
 */
import * as React from "react";
import {
  Button,
  FluentProvider,
  Link,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  useIsOverflowItemVisible,
  useOverflowMenu,
  webLightTheme,
} from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons";
import { WorkbookPort } from "../workbook/port";
import { Announcer } from "./components/announce";
import { DelegateWizard } from "./DelegateWizard";
import { PotWizard } from "./PotWizard";
import { RiskShareWizard } from "./RiskShareWizard";
import { TemplatesPanel } from "./TemplatesPanel";

const useStyles = makeStyles({
  root: { padding: "8px 12px 16px", fontFamily: tokens.fontFamilyBase, color: tokens.colorNeutralForeground1, minWidth: 0, maxWidth: "100%", boxSizing: "border-box", overflowWrap: "anywhere" },
  top: { display: "flex", alignItems: "baseline", justifyContent: "space-between", gap: "8px", flexWrap: "wrap" },
  title: { display: "block", margin: "4px 0 4px" },
  tabRow: { display: "flex", alignItems: "center", minWidth: 0, overflow: "hidden" },
  tabs: { minWidth: 0, flexShrink: 1 },
  panel: { paddingTop: "4px", minWidth: 0 },
});

export const PANELS = [
  { id: "pot", label: "Build the pot" },
  { id: "delegate", label: "Delegate" },
  { id: "riskshare", label: "Risk share" },
  { id: "templates", label: "Templates" },
] as const;

type PanelId = (typeof PANELS)[number]["id"];

/** Where the function reference is served beside the pane (dist/help/functions.html). */
export const HELP_URL = "help/functions.html";

function OverflowMenuItem({ id, label, onSelect }: { id: PanelId; label: string; onSelect: (id: PanelId) => void }): React.JSX.Element | null {
  const visible = useIsOverflowItemVisible(id);
  if (visible) return null;
  return <MenuItem onClick={() => onSelect(id)}>{label}</MenuItem>;
}

function MoreTabs({ onSelect }: { onSelect: (id: PanelId) => void }): React.JSX.Element | null {
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu hasIcons={false}>
      <MenuTrigger disableButtonEnhancement>
        <Button ref={ref} appearance="transparent" size="small" icon={<MoreHorizontalRegular />} aria-label={`${overflowCount} more ${overflowCount === 1 ? "tab" : "tabs"}`} />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {PANELS.map((p) => (
            <OverflowMenuItem key={p.id} id={p.id} label={p.label} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

export function App({ port }: { port: WorkbookPort }): React.JSX.Element {
  const styles = useStyles();
  const [panel, setPanel] = React.useState<PanelId>("pot");
  const content: Record<PanelId, React.ReactNode> = {
    pot: <PotWizard port={port} />,
    delegate: <DelegateWizard port={port} />,
    riskshare: <RiskShareWizard port={port} />,
    templates: <TemplatesPanel port={port} />,
  };
  const choose = (id: PanelId) => {
    setPanel(id);
    // A tab chosen from the menu: focus goes to it, now in the tab list.
    setTimeout(() => document.getElementById(`tab-${id}`)?.focus(), 0);
  };
  return (
    <Announcer>
      <div className={styles.root} data-pane="root">
        <div className={styles.top}>
          <Text as="h2" size={500} weight="semibold" className={styles.title}>
            ICS Finance
          </Text>
          <Link href={HELP_URL} target="_blank">
            Function reference
          </Link>
        </div>
        {/* The "More" button sits beside the tab list, not in it: a tablist may hold only tabs. */}
        <Overflow minimumVisible={1} padding={8}>
          <div className={styles.tabRow}>
            <TabList className={styles.tabs} size="small" selectedValue={panel} onTabSelect={(_, data) => setPanel(data.value as PanelId)} aria-label="Wizards">
              {PANELS.map((p) => (
                <OverflowItem key={p.id} id={p.id} priority={p.id === panel ? 2 : 1}>
                  <Tab id={`tab-${p.id}`} value={p.id} aria-controls={`panel-${p.id}`}>
                    {p.label}
                  </Tab>
                </OverflowItem>
              ))}
            </TabList>
            <MoreTabs onSelect={choose} />
          </div>
        </Overflow>
        {PANELS.map((p) => (
          <div key={p.id} id={`panel-${p.id}`} role="tabpanel" aria-labelledby={`tab-${p.id}`} hidden={panel !== p.id} className={styles.panel}>
            {content[p.id]}
          </div>
        ))}
      </div>
    </Announcer>
  );
}

/** Fluent's theme around anything the pane renders. */
export function Themed({ children }: { children: React.ReactNode }): React.JSX.Element {
  return <FluentProvider theme={webLightTheme}>{children}</FluentProvider>;
}
