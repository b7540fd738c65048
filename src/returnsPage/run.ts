/**
 * Checks the chosen returns one after another on the page's own thread, handing control back to
 * the browser between files so it paints the progress and stays responsive.
 *
 * Why not a Web Worker: a worker loaded from a URL takes its Content-Security-Policy from its own
 * HTTP response, not from the page's <meta>, so on a plain static host it would run with no
 * policy at all; on the page's thread every byte stays under the page's `connect-src 'none'`.
 * A return of a system takes a fraction of a second to check, so yielding between files keeps
 * the page responsive (Stop is answered after the file in hand).
 */
import { checkReturn, collectReturns, unreadableReturn } from "../returns";
import type { CheckOptions, Collection, ReturnResult } from "../returns/types";
import type { ChosenFile } from "./files";

export interface Progress {
  done: number;
  total: number;
  /** The file just checked. */
  file?: string;
}

/** Lets the browser paint and handle input before the next file (a task, not a microtask). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The checker never throws for a bad file; this keeps the page going if it ever did. */
function checkSafely(name: string, bytes: Uint8Array, options: CheckOptions): ReturnResult {
  try {
    return checkReturn(name, bytes, options);
  } catch {
    // A fault of ics-finance, not of the file: said plainly, never the exception's own text.
    return unreadableReturn(name, "ics-finance failed while checking this file (a fault in ics-finance, not in the file): please report it with the file.");
  }
}

async function readBytes(chosen: ChosenFile): Promise<Uint8Array | string> {
  try {
    return new Uint8Array(await chosen.file.arrayBuffer());
  } catch {
    return "the browser could not read this file (was it moved or deleted after it was chosen?): choose it again.";
  }
}

export interface RunOptions extends CheckOptions {
  expected?: readonly string[];
  onProgress: (progress: Progress) => void;
  /** Asked before each file; true stops the run with the returns checked so far. */
  stopped?: () => boolean;
}

export interface Checked {
  collection: Collection;
  /** Stopped before the last file: the collection holds the returns checked so far. */
  stopped: boolean;
}

export async function checkAll(files: readonly ChosenFile[], options: RunOptions): Promise<Checked> {
  const results: ReturnResult[] = [];
  const checkOptions: CheckOptions = options.template ? { template: options.template } : {};
  options.onProgress({ done: 0, total: files.length });
  let stopped = false;
  for (const chosen of files) {
    await nextTask();
    if (options.stopped?.()) {
      stopped = true;
      break;
    }
    const bytes = await readBytes(chosen);
    results.push(
      typeof bytes === "string"
        ? unreadableReturn(chosen.name, bytes)
        : checkSafely(chosen.name, bytes, checkOptions),
    );
    options.onProgress({ done: results.length, total: files.length, file: chosen.name });
  }
  await nextTask();
  // Stopped part-way, the expected organisations not yet checked would all look missing: not listed.
  return { collection: collectReturns(results, stopped ? [] : options.expected), stopped };
}
