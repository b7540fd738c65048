/** The CLI as users run it: the real bin, a child process, stdout and the exit code. */
import { spawnSync } from "child_process";
import * as path from "path";

const BIN = path.join(__dirname, "..", "..", "bin", "ics-finance.js");

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("ics-finance eval", () => {
  test("prints a spill one row per line and exits 0", () => {
    expect(run("eval", "=ICS.DELEGATE(100,{1;1;1})")).toMatchObject({ code: 0, out: "33.34\n33.33\n33.33\n" });
  });

  test("prints cells tab-separated and numbers in plain decimal notation", () => {
    const r = run("eval", '=ICS.POTSTREAMS({1e14;0.1},{"core";"pod"})');
    expect(r).toMatchObject({ code: 0, out: "Core services\t100000000000000\nPharmacy, optometry and dental\t0.1\nTotal\t100000000000000.1\n" });
  });

  test("TRUE and FALSE", () => {
    expect(run("eval", "=SUM(ICS.DELEGATE(100,{1;2}))=100")).toMatchObject({ code: 0, out: "TRUE\n" });
  });

  test("a bad argument prints the code, a tab and the message, and exits 1", () => {
    expect(run("eval", '=ICS.DELEGATE(100,{1;"x";1})')).toMatchObject({
      code: 1,
      out: '#VALUE!\tICS.DELEGATE: weights row 2: expected a number, got "x"\n',
    });
  });

  test("--json prints the value as JSON", () => {
    expect(JSON.parse(run("eval", "--json", "=ICS.DELEGATE(10,{1;1;1})").out)).toEqual([[3.34], [3.33], [3.33]]);
    expect(JSON.parse(run("eval", "--json", "=ICS.POT({1;2},,{2;1})").out)).toEqual({ error: "#VALUE!", message: "ICS.POT: pooled_shares row 1: expected a share between 0 and 1 (0% to 100%), got 2" });
  });

  test("the leading = is optional", () => {
    expect(run("eval", "ICS.POT({1;2})")).toMatchObject({ code: 0, out: "3\n" });
  });

  test("usage errors exit 2", () => {
    expect(run().code).toBe(2);
    expect(run("eval").code).toBe(2);
    expect(run("frobnicate").code).toBe(2);
    expect(run("--help")).toMatchObject({ code: 0 });
  });
});
