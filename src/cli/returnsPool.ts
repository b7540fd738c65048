/**
 * Returns checked on worker threads in one process where the machine has the cores for it.
 * Recalculating a return is CPU-bound, but V8's garbage collector already runs beside it on a
 * second core: on two cores, threads only add their own start-up (42 returns: 4.8 s on this
 * thread, 5.6 s on two workers), so they are used from four cores up, one per core less one (at
 * most four). `ICS_RETURNS_THREADS` overrides the count (0: this thread). Results come back in
 * the order of the files, whatever order they finish in.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import type { ReturnResult } from "../returns";
import { readReturn } from "./returnsRead";
import type { Job } from "./returnsWorker";

/** More threads than this gain little: memory grows with each engine held at once. */
const MOST_WORKERS = 4;
/** Below this many cores the threads cost more than they give. */
const FEWEST_CORES = 4;

const WORKER_FILE = path.join(__dirname, "returnsWorker.js");

function workerCount(files: number): number {
  // Only the compiled CLI has the worker script; under ts-jest everything runs on this thread.
  if (!fs.existsSync(WORKER_FILE) || files < 2) return 0;
  const asked = process.env.ICS_RETURNS_THREADS;
  if (asked !== undefined && /^\d+$/.test(asked)) return Math.min(Number(asked), MOST_WORKERS, files);
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return cores < FEWEST_CORES ? 0 : Math.min(MOST_WORKERS, cores - 1, files);
}

export async function checkAll(files: readonly string[], template: string | undefined, progress: (done: number, file: string) => void): Promise<ReturnResult[]> {
  const results: ReturnResult[] = new Array(files.length);
  const count = workerCount(files.length);
  if (count === 0) {
    files.forEach((file, i) => {
      results[i] = readReturn(file, template);
      progress(i + 1, file);
    });
    return results;
  }
  let next = 0;
  let done = 0;
  await new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    const finish = (error?: Error) => {
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve();
    };
    const give = (worker: Worker) => {
      if (next >= files.length) return;
      const job: Job = { index: next, file: files[next], template };
      next++;
      worker.postMessage(job);
    };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(WORKER_FILE);
      workers.push(worker);
      worker.on("message", (message: { index: number; result: ReturnResult }) => {
        results[message.index] = message.result;
        done++;
        progress(done, files[message.index]);
        if (done === files.length) finish();
        else give(worker);
      });
      worker.on("error", (e) => finish(e));
      give(worker);
    }
  });
  return results;
}
