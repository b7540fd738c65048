/**
 * The catalogue: every ICS.* function, declared once. Order here is the order of the reference
 * page and of functions.ts. Ids and argument order are stored in users' workbooks: never rename
 * or reorder once released.
 */
import { ArgValue, Output } from "../cells";
import { IcsError } from "../errors";
import { BLENDED } from "./blended";
import { CAPITAL } from "./capital";
import { CONVERGE } from "./converge";
import { DELEGATE } from "./delegate";
import { DFT } from "./dft";
import { INDICATIVE } from "./indicative";
import { MHIS } from "./mhis";
import { NEEDINDEX } from "./needindex";
import { NEUTRAL } from "./neutral";
import { POT, POTSTREAMS } from "./pot";
import { RISKSHARE } from "./riskshare";
import { ROUNDSPLIT } from "./roundsplit";
import { FunctionSpec } from "./types";
import { VERSION } from "./version";

export const NAMESPACE = "ICS";

export const CATALOGUE: readonly FunctionSpec[] = [POT, POTSTREAMS, DELEGATE, NEEDINDEX, RISKSHARE, CAPITAL, NEUTRAL, MHIS, BLENDED, CONVERGE, DFT, INDICATIVE, ROUNDSPLIT, VERSION];

const byName = new Map(CATALOGUE.map((spec) => [spec.name, spec]));

export function findFunction(name: string): FunctionSpec | undefined {
  const bare = name.toUpperCase().replace(/^ICS\./, "");
  return byName.get(bare);
}

/**
 * Runs one function on cell arguments and returns its value, or its error as a value. Nothing
 * escapes: an unexpected exception becomes #VALUE! naming the function, never a crash in Excel.
 */
export function evaluate(spec: FunctionSpec, args: readonly ArgValue[]): Output {
  try {
    if (args.length > spec.args.length) {
      return { error: "#VALUE!", message: `ICS.${spec.name}: takes at most ${spec.args.length} arguments, got ${args.length}` };
    }
    const padded = spec.args.map((_, i) => args[i]);
    return spec.compute(padded);
  } catch (e) {
    if (e instanceof IcsError) return e.toValue();
    const detail = e instanceof Error ? e.message : String(e);
    return { error: "#VALUE!", message: `ICS.${spec.name}: internal error (${detail}); please report it with the inputs` };
  }
}

export type { FunctionSpec, ArgumentSpec, ResultSpec, ErrorSpec } from "./types";
