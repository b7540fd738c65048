/**
 * No output lost and no internals shown: the real bin as a child process whose stdout is a pipe
 * read by a slow reader, `recalc --json`, and exit 2 with one plain line for files that cannot
 * be read (built here, including hostile ones).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { plainMessage } from "../../src/cli/main";
import { book, oneSheet } from "../xlsx/helpers";

const BIN = path.join(__dirname, "..", "..", "bin", "ics-finance.js");
// Child processes on a shared machine: generous time, the assertions are on output, not speed.
jest.setTimeout(60_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ics-output-"));

/** A shell word, quoted. */
function quote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Runs the bin as `ics-finance … | (sleep 1; cat)`: stdout is a real pipe (64 KiB of buffer) that
 * nobody reads for `delayMs`, so an exit before stdout drains would lose the rest. (A Node parent's
 * own "pipe" is a socket pair with a larger buffer, which would hide the loss.)
 */
function slowRead(args: string[], delayMs: number): Promise<{ code: number | null; out: string; err: string }> {
  const command = `${[process.execPath, BIN, ...args].map(quote).join(" ")} 2>/dev/null | (sleep ${delayMs / 1000}; cat); echo "exit=\${PIPESTATUS[0]}" >&2`;
  return new Promise((resolve) => {
    const r = spawnSync("bash", ["-c", command], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const m = /exit=(\d+)/.exec(r.stderr);
    resolve({ code: m ? Number(m[1]) : null, out: r.stdout, err: r.stderr.replace(/exit=\d+\n?/, "") });
  });
}

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("output through a pipe with a slow reader", () => {
  test("7,000 rows of eval all arrive (the pipe takes 64 KiB at a time)", async () => {
    const r = await slowRead(["eval", "=ICS.DELEGATE(98765432109.87,SEQUENCE(7000))"], 1000);
    expect(r.code).toBe(0);
    expect(r.out.split("\n").filter((l) => l !== "")).toHaveLength(7000);
  });

  test("eval --json is whole, valid JSON", async () => {
    const r = await slowRead(["eval", "--json", "=ICS.DELEGATE(98765432109.87,SEQUENCE(7000))"], 1000);
    expect(r.out.length).toBeGreaterThan(65536);
    expect(JSON.parse(r.out)).toHaveLength(7000);
  });

  test("recalc --json is valid JSON with the verdict, the findings and the reader's notes", async () => {
    const file = write(
      "errors.xlsx",
      oneSheet(`<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>A1/0</f><v>0</v></c><c r="C1"><f>1/0</f><v>0</v></c></row>`, { extra: { "xl/vbaProject.bin": new Uint8Array([1]) } }),
    );
    const r = await slowRead(["recalc", "--json", file], 300);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({
      file,
      readable: true,
      clean: false,
      sheets: 1,
      formulas: 2,
      errorCells: 2,
      errors: [{ error: "#DIV/0!", cells: ["Sheet1!B1", "Sheet1!C1"] }],
      warnings: ["the workbook holds macros (VBA): they were not run"],
    });
  });
});

test("names that look like regular expressions (x(, 32 letters) neither crash nor slow recalc: x( is passed over with a note", () => {
  const long = "abcdefghijklmnopqrstuvwxyzabcdef";
  const file = write(
    "names.xlsx",
    oneSheet(`<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f>${long}*2</f><v>4</v></c><c r="C1" t="b"><f>B1=4</f><v>1</v></c></row>`, {
      names: `<definedName name="x(">Sheet1!$A$1</definedName><definedName name="${long}">Sheet1!$A$1</definedName>`,
    }),
  );
  const r = run("recalc", file);
  expect(r).toMatchObject({ code: 0, err: "" });
  expect(r.out.split("\n")).toEqual([`${file}: 1 sheets, 2 formulas recalculated; 0 error cells; 0 of 0 checks TRUE`, `note\tthe defined name "x(" is not a name Excel accepts and was not read`, ""]);
});

describe("files that cannot be read: exit 2, one plain line, never clean, never a stack trace", () => {
  const ole = (stream: string) => {
    const b = new Uint8Array(2048);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    b.set(Buffer.from(stream, "utf16le"), 600);
    return b;
  };
  const good = oneSheet(`<row r="1"><c r="A1"><v>1</v></c></row>`);
  test.each([
    ["encrypted.xlsx", ole("EncryptedPackage"), "this file is password-protected (encrypted)"],
    ["old.xls", ole("Workbook"), "this is an old Excel 97-2003 workbook (.xls)"],
    ["page.xls", new TextEncoder().encode("<html><body><table></table></body></html>"), "this is a web page (HTML)"],
    ["empty.xlsx", new Uint8Array(0), "the file is empty"],
    ["cut.xlsx", good.subarray(0, good.length >> 1), "the file is incomplete"],
    ["charts.xlsx", book({ sheets: [] }), "the workbook has no worksheet that could be read"],
  ])("%s", (name, bytes, message) => {
    const file = write(name, bytes);
    const r = run("recalc", file);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe(`ics-finance recalc: ${file}: ${r.err.slice(`ics-finance recalc: ${file}: `.length)}`);
    expect(r.err).toContain(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  test("--json answers an unreadable file with readable: false and the reason", () => {
    const file = write("empty2.xlsx", new Uint8Array(0));
    const r = run("recalc", "--json", file);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({ file, readable: false, reason: "empty", message: expect.stringContaining("the file is empty") });
  });

  test("a missing file and a folder", () => {
    expect(run("recalc", path.join(dir, "none.xlsx"))).toMatchObject({ code: 2, err: `ics-finance recalc: ${path.join(dir, "none.xlsx")}: no such file\n` });
    expect(run("recalc", dir)).toMatchObject({ code: 2, err: `ics-finance recalc: ${dir}: a folder, not a workbook file\n` });
  });

  test("unexpected failures are told in plain words, never as internals", () => {
    expect(plainMessage(Object.assign(new Error("ENOENT: no such file or directory, open '/x/y'"), { code: "ENOENT", path: "/x/y" }))).toBe("/x/y: no such file or folder");
    expect(plainMessage(new TypeError("Cannot read properties of undefined (reading 'sheets')"))).toBe("something went wrong inside ics-finance (not in your input); please report it with the command you ran");
    expect(plainMessage(new RangeError("Maximum call stack size exceeded"))).toBe("the input is too large or too deeply nested to process");
  });
});
