/**
 * One of the worker threads `ics-finance returns` checks returns on when there are several
 * (src/cli/returnsPool.ts): it is sent a file, reads and checks it on the same core as the main
 * thread would, and posts the report back. Nothing but plain data crosses the thread boundary.
 */
import { parentPort } from "worker_threads";
import { readReturn } from "./returnsRead";

export interface Job {
  index: number;
  file: string;
  template?: string;
}

parentPort?.on("message", (job: Job) => {
  parentPort?.postMessage({ index: job.index, result: readReturn(job.file, job.template) });
});
