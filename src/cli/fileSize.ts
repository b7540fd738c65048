/** The size check before a returned workbook is read into memory: the reader's own limit, said before reading. */
import { formatBytes } from "../xlsx/errors";
import { DEFAULT_READ_LIMITS } from "../xlsx/read";

/** Why a file is not even read (over the reader's size limit), or undefined. */
export function tooLargeToRead(size: number): string | undefined {
  if (size <= DEFAULT_READ_LIMITS.maxFileBytes) return undefined;
  return `the file is ${formatBytes(size)}, over the ${formatBytes(DEFAULT_READ_LIMITS.maxFileBytes)} the reader accepts from a returned workbook`;
}
