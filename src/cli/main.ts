/**
 * `ics-finance`: the catalogue on the command line, evaluated by the headless engine.
 * Exit codes: 0 a value, 1 an error result (or failing checks), 2 a usage error.
 */
import { evaluateFormula } from "../engine";
import { formatOutput, hasError } from "./format";
import { recalcCommand } from "./recalc";
import { templateCommand } from "./template";

export const USAGE = `Usage:
  ics-finance eval [--json] "<formula>"     evaluate one formula, e.g. '=ICS.DELEGATE(100,{1;1;1})'
  ics-finance template --list               the workbook templates
  ics-finance template <name> [--blank] [--out <file.xlsx>]
                                            write a template (default <name>.xlsx), values calculated:
                                            the fictional sample, or --blank for distribution
  ics-finance template place-delegation --practices <file.csv> --icb <code> [--places <mapping.csv>]
                                            a blank copy prefilled with one ICB's places and practices
  ics-finance recalc <in.xlsx> [--out <out.xlsx>]
                                            recalculate a workbook; list failing checks and error cells
  ics-finance --help                        this text

Results print one row per line, cells separated by tabs; an error prints its code, a tab and its message.
Exit status: 0 a value (or a clean workbook), 1 an error result (or a failing check or error cell), 2 a usage error.`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

type Command = (args: string[], io: Io) => Promise<number> | number;

function evalCommand(args: string[], io: Io): number {
  const json = args.includes("--json");
  const rest = args.filter((a) => a !== "--json");
  if (rest.length !== 1 || rest[0].trim() === "") {
    io.err(USAGE);
    return 2;
  }
  const output = evaluateFormula(rest[0]);
  io.out(json ? JSON.stringify(output) : formatOutput(output));
  return hasError(output) ? 1 : 0;
}

export const COMMANDS: Record<string, Command> = { eval: evalCommand, template: templateCommand, recalc: recalcCommand };

export async function main(argv: string[], io: Io = { out: (t) => console.log(t), err: (t) => console.error(t) }): Promise<number> {
  const [command, ...args] = argv;
  if (command === "--help" || command === "-h" || command === "help") {
    io.out(USAGE);
    return 0;
  }
  const run = command === undefined ? undefined : COMMANDS[command];
  if (!run) {
    io.err(command === undefined ? USAGE : `ics-finance: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await run(args, io);
  } catch (e) {
    io.err(`ics-finance: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
