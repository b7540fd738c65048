/** A return read from disk and checked: the file's own problems (too large, unreadable) are its verdict, never a throw. */
import * as fs from "fs";
import { ReturnResult, checkReturn } from "../returns";
import { formatBytes } from "../xlsx/errors";
import { DEFAULT_READ_LIMITS } from "../xlsx/read";
import { plainMessage } from "./main";

export function readReturn(file: string, template: string | undefined): ReturnResult {
  const unreadable = (message: string): ReturnResult => ({ file, verdict: "unreadable", keyFigures: {}, findings: [{ kind: "unreadable", message: `Not read: ${message}` }] });
  let bytes: Uint8Array;
  try {
    const size = fs.statSync(file).size;
    if (size > DEFAULT_READ_LIMITS.maxFileBytes) return unreadable(`the file is ${formatBytes(size)}, over the ${formatBytes(DEFAULT_READ_LIMITS.maxFileBytes)} the reader accepts from a returned workbook`);
    bytes = new Uint8Array(fs.readFileSync(file));
  } catch (e) {
    return unreadable(plainMessage(e).replace(`${file}: `, ""));
  }
  try {
    return checkReturn(file, bytes, { template });
  } catch {
    // checkReturn reports a bad file as its verdict; anything thrown is a fault of ics-finance.
    return unreadable("ics-finance failed while checking this file (a fault in ics-finance, not in the file): please report it with the file");
  }
}
