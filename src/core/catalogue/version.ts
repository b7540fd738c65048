import { ADDIN_VERSION, CATALOGUE_EDITION } from "../version";
import { FunctionSpec } from "./types";

export const VERSION_TEXT = `ics-finance ${ADDIN_VERSION}; catalogue ${CATALOGUE_EDITION}`;

export const VERSION: FunctionSpec = {
  name: "VERSION",
  description: "The add-in version and the edition of the rules catalogue, for audit trails in templates.",
  args: [],
  result: { kind: "scalar", type: "text", describe: "Text such as \"ics-finance 0.1.0; catalogue 2026.1\"." },
  examples: [{ formula: "=ICS.VERSION()", result: VERSION_TEXT }],
  errors: [],
  compute: () => VERSION_TEXT,
};
