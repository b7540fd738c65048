/**
 * Damage anywhere is a plain refusal or a read, never another exception: random byte changes,
 * cuts and insertions in a stored (uncompressed) workbook, so the XML itself is hit, and in a
 * deflated one, so the zip machinery is. The CRC is recomputed for the stored case so that the
 * damaged XML reaches the tokenizer.
 */
import fc from "fast-check";
import { zipSync } from "fflate";
import { WorkbookReadError, readWorkbook } from "../../src/xlsx/read";
import { bookParts } from "./helpers";

const parts = bookParts({
  sheets: [
    {
      name: "S",
      sheetData: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row><row r="2"><c r="B2"><f t="shared" si="0"/><v>4</v></c><c r="C2" t="inlineStr"><is><t>x &amp; y</t></is></c></row>`,
      after: `<mergeCells count="1"><mergeCell ref="D1:E2"/></mergeCells><dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>`,
    },
  ],
  sharedStrings: ["one"],
  names: `<definedName name="N">S!$A$1</definedName>`,
});
const enc = new TextEncoder();

function readsOrRefuses(bytes: Uint8Array): boolean {
  try {
    readWorkbook(bytes);
    return true;
  } catch (e) {
    return e instanceof WorkbookReadError && e.message.length > 0;
  }
}

test("any damaged XML part: a read or a WorkbookReadError", () => {
  const names = Object.keys(parts);
  fc.assert(
    fc.property(fc.nat(names.length - 1), fc.nat(), fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }), fc.boolean(), (which, at, bytes, insert) => {
      const files: Record<string, Uint8Array> = {};
      for (const n of names) files[n] = typeof parts[n] === "string" ? enc.encode(parts[n] as string) : (parts[n] as Uint8Array);
      const target = files[names[which]];
      const pos = at % (target.length + 1);
      const changed = new Uint8Array(insert ? target.length + bytes.length : target.length);
      changed.set(target.subarray(0, pos));
      if (insert) {
        changed.set(bytes, pos);
        changed.set(target.subarray(pos), pos + bytes.length);
      } else {
        changed.set(target.subarray(pos));
        bytes.forEach((b, k) => pos + k < changed.length && (changed[pos + k] = b));
      }
      files[names[which]] = changed;
      return readsOrRefuses(zipSync(files, { level: 0 }));
    }),
    { numRuns: 400 },
  );
});

test("any damaged or cut zip: a read or a WorkbookReadError", () => {
  const files: Record<string, Uint8Array> = {};
  for (const [n, c] of Object.entries(parts)) files[n] = typeof c === "string" ? enc.encode(c) : c;
  const zip = zipSync(files, { level: 6 });
  fc.assert(
    fc.property(fc.nat(zip.length - 1), fc.integer({ min: 0, max: 255 }), fc.nat(zip.length), (at, value, cut) => {
      const damaged = zip.slice(0, Math.max(cut, 1));
      if (at < damaged.length) damaged[at] = value;
      return readsOrRefuses(damaged);
    }),
    { numRuns: 400 },
  );
});
