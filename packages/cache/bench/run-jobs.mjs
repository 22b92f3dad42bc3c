// Runs jobs one at a time, each in a fresh worker_thread (one at a time: on a 2-core machine,
// parallel workers would time each other). The process runs with --expose-gc, which workers inherit.
import { Worker } from "node:worker_threads";

const WORKER = new URL("./worker.mjs", import.meta.url);
const JOB_TIMEOUT_MS = 120_000;

/**
 * Runs one job in its own worker and resolves with its message.
 *
 * @param {object} job - the worker's data
 * @returns {Promise<{ ok: boolean, error?: string }>} the worker's answer
 */
export function runJob(job) {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, { workerData: job });
    const timer = setTimeout(() => {
      finish({ ok: false, error: `timed out after ${JOB_TIMEOUT_MS / 1000} s` });
    }, JOB_TIMEOUT_MS);
    let done = false;
    function finish(message) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(message);
    }
    worker.once("message", finish);
    worker.once("error", (error) => {
      finish({ ok: false, error: String(error) });
    });
    worker.once("exit", (code) => {
      finish({ ok: false, error: `worker exited with code ${code}` });
    });
  });
}
