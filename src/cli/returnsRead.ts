/** A return read from disk and checked: the file's own problems (too large, unreadable) are its verdict, never a throw. */
import * as fs from "fs";
import { ReturnResult, checkReturn, unreadableReturn } from "../returns";
import { tooLargeToRead } from "./fileSize";
import { plainMessage } from "./main";

export function readReturn(file: string, template: string | undefined): ReturnResult {
  const unreadable = (why: string) => unreadableReturn(file, why);
  let bytes: Uint8Array;
  try {
    const tooLarge = tooLargeToRead(fs.statSync(file).size);
    if (tooLarge) return unreadable(tooLarge);
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
