/**
 * Returns checked on worker threads, one per core (at most four), in one process: recalculating a
 * return is CPU-bound, so two cores check 42 returns in about half the time. Each worker gets a
 * larger young generation than Node's default, since a recalculation allocates many short-lived
 * objects. Results come back in the order of the files, whatever order they finish in.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import type { ReturnResult } from "../returns";
import { readReturn } from "./returnsRead";
import type { Job } from "./returnsWorker";

/** More threads than this gain nothing: memory grows with each engine held at once. */
const MOST_WORKERS = 4;
const YOUNG_GENERATION_MB = 64;

const WORKER_FILE = path.join(__dirname, "returnsWorker.js");

function workerCount(files: number): number {
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  // Only the compiled CLI has the worker script; under ts-jest everything runs on this thread.
  if (!fs.existsSync(WORKER_FILE)) return 0;
  return Math.min(MOST_WORKERS, cores, files >= 4 ? files : 0);
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
      const worker = new Worker(WORKER_FILE, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
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
