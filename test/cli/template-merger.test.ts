/** `ics-finance template merger`: the two "Done when" footprints as the CLI writes them, filled in and clean; usage errors. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { mergerFootprint } from "../../src/cli/merger";
import { readPracticeFile } from "../../src/cli/practices";
import { PRACTICES_FILE, describeIfPractices } from "../helpers/practices";
import { expectClean, generate } from "../templates/helpers";
import { filledIn } from "../templates/mergerFill";

jest.setTimeout(180000);

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), "ics-template-merger-"));

test("without data: the fictional sample is clean (exit 0); --move needs merger and --practices", async () => {
  const dir = scratch();
  const r = await cli("template", "merger", "--out", path.join(dir, "m.xlsx"));
  expect(r).toMatchObject({ code: 0 });
  expect(r.out).toMatch(/0 error cells; (\d+) of \1 checks TRUE/);
  expect((await cli("template", "place-delegation", "--practices", "x.csv", "--icb", "QU9", "--move", "Slough")).code).toBe(2);
  expect((await cli("template", "merger", "--move", "Slough")).code).toBe(2);
});

describeIfPractices("merger prefilled from the 2024/25 practice file", () => {
  const cases = [
    { label: "QU9 and QNQ combine", args: ["--icb", "QU9,QNQ"], request: { icbs: ["QU9", "QNQ"] } },
    {
      label: "Berkshire East moves from Frimley to QU9",
      args: ["--icb", "QU9", "--move", "Bracknell Forest,Slough,Windsor and Maidenhead"],
      request: { icbs: ["QU9"], move: ["Bracknell Forest", "Slough", "Windsor and Maidenhead"] },
    },
  ];
  test.each(cases)("$label: the CLI writes the file (exit 0), and once the pot inputs are filled it recalculates clean", async ({ args, request }) => {
    const dir = scratch();
    const written = path.join(dir, "cli.xlsx");
    const r = await cli("template", "merger", "--practices", PRACTICES_FILE, ...args, "--out", written);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ 0 error cells; /);
    expect(r.out).toMatch(/incomplete until filled in/);
    const system = mergerFootprint(readPracticeFile(PRACTICES_FILE), { ...request, practicesFile: PRACTICES_FILE });
    const t = await generate("merger", { footprint: system }, dir);
    // The file the CLI wrote is the one filled in below.
    expect(fs.readFileSync(written).equals(fs.readFileSync(t.file))).toBe(true);
    for (const name of ["CombinedPot", "CombinedWeightedPopulation", "CombinedPopulation", "CombinedDFT"]) expect(t.content.names.map((n) => n.name)).toContain(name);
    const filled = filledIn(t, system);
    expectClean(filled, { filled: true });
    expect(filled.scalar("CombinedPot")).toBeGreaterThan(0);
    expect(typeof filled.scalar("CombinedDFT")).toBe("number");
  });

  test("unknown ICB codes and local authorities are usage errors (exit 2) listing what exists", async () => {
    const icb = await cli("template", "merger", "--practices", PRACTICES_FILE, "--icb", "QU9,QZZ");
    expect(icb.code).toBe(2);
    expect(icb.err).toMatch(/no practices for ICB "QZZ"; the file has 42 ICBs: QE1, .*QNQ.*QU9/);
    const la = await cli("template", "merger", "--practices", PRACTICES_FILE, "--icb", "QU9", "--move", "Slough,Windsor");
    expect(la.code).toBe(2);
    expect(la.err).toMatch(/no practices in local authority "Windsor" \(did you mean "Windsor and Maidenhead"\?\); the file's \d+ local authorities are: Adur, /);
    expect(la.err).not.toMatch(/\n\s+at /);
  });
});
