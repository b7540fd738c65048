/**
 * `ics-finance`: the catalogue on the command line, evaluated by the headless engine.
 * Exit codes: 0 a value, 1 an error result (or failing checks), 2 a usage error.
 */
import { evaluateFormula } from "../engine";
import { formatOutput, hasError } from "./format";

export const USAGE = `Usage:
  ics-finance eval [--json] "<formula>"     evaluate one formula, e.g. '=ICS.DELEGATE(100,{1;1;1})'
  ics-finance template --list               the workbook templates
  ics-finance template <name> [--blank] [--out <file.xlsx>]
                                            write a template (default <name>.xlsx), values calculated:
                                            the fictional sample, or --blank for distribution
                                            (risk-share --blank --partners <n>: room for n partners)
  ics-finance template place-delegation --practices <file.csv> --icb <code> [--places <mapping.csv>]
                                            a blank copy prefilled with one ICB's places and practices
  ics-finance recalc <in.xlsx> [--out <out.xlsx>]
                                            recalculate a workbook; list failing checks and error cells
  ics-finance returns <file-or-folder>... [--template <name>] [--expect <codes.csv>] [--out <all.xlsx>] [--json]
                                            check returned workbooks against their templates,
                                            list every finding by file, sheet and cell, and
                                            consolidate them into one workbook
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

// template and recalc load on use: exceljs (templates) alone takes longer to load than a return takes to read.
export const COMMANDS: Record<string, Command> = {
  eval: evalCommand,
  template: async (args, io) => (await import("./template")).templateCommand(args, io),
  recalc: async (args, io) => (await import("./recalc")).recalcCommand(args, io),
  returns: async (args, io) => (await import("./returns")).returnsCommand(args, io),
};

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
    io.err(`ics-finance ${command}: ${plainMessage(e)}`);
    return 2;
  }
}

/**
 * What the user is told about an unexpected failure: the file system's problems in plain words,
 * anything else as a fault of ics-finance. Never a stack trace or a library's internals.
 */
export function plainMessage(e: unknown): string {
  const err = e as { code?: unknown; path?: unknown; name?: unknown; message?: unknown };
  const where = typeof err?.path === "string" ? `${err.path}: ` : "";
  switch (err?.code) {
    case "ENOENT":
      return `${where}no such file or folder`;
    case "EACCES":
    case "EPERM":
      return `${where}permission denied`;
    case "EISDIR":
      return `${where}a folder, not a file`;
    case "ENOTDIR":
      return `${where}part of the path is not a folder`;
    case "ENOSPC":
      return `${where}the disk is full`;
    case "EROFS":
      return `${where}the disk is read-only`;
    case "EMFILE":
    case "ENFILE":
      return "too many files open at once";
  }
  if (err?.name === "WorkbookReadError" && typeof err.message === "string") return err.message;
  if (e instanceof RangeError && /call stack|allocation|heap|too large/i.test(e.message)) return "the input is too large or too deeply nested to process";
  return "something went wrong inside ics-finance (not in your input); please report it with the command you ran";
}

/**
 * Ends the process with `code` once everything written to stdout and stderr has been flushed:
 * a pipe with a slow reader (`| (sleep 1; wc -l)`) takes only 64 KiB at a time, and an exit before
 * it drains loses the rest. A reader that goes away (`| head`) ends the process quietly.
 */
export function exitWhenDrained(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.destroyed || !stream.writable) done();
    else stream.write("", done);
  }
}

/** EPIPE on stdout (the reader closed the pipe): stop quietly, as Unix tools do. */
export function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: { code?: string }) => {
      if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
      process.exit(2);
    });
  }
}

/** The CLI's entry: runs `main`, never shows a stack trace, and exits only after output drains. */
export function run(argv: string[]): void {
  quietOnClosedPipe();
  const fail = (e: unknown) => {
    try {
      process.stderr.write(`ics-finance: ${plainMessage(e)}\n`);
    } finally {
      exitWhenDrained(2);
    }
  };
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);
  main(argv).then(exitWhenDrained, fail);
}

if (require.main === module) run(process.argv.slice(2));
