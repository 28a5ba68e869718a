/**
 * The import worker thread's entry. It opens its database connection as soon as it starts, then
 * waits for one job (app/models/import-job.server.ts), runs it, posts the result and ends. The
 * runner (app/models/import-runner.server.ts) keeps one such worker started ahead, so an import
 * does not wait for a thread to load its code, and turns a crash, a timeout or running out of
 * memory into a refusal.
 */
import { parentPort } from "node:worker_threads";
import { closeClient, getClient } from "../db/client";
import { runImportJob, type ImportJob } from "../app/models/import-job.server";

if (!parentPort) throw new Error("server/import-worker.ts runs only as a worker thread.");
const port = parentPort;

getClient();
port.once("message", async (job: ImportJob) => {
  try {
    port.postMessage(await runImportJob(job));
  } finally {
    closeClient();
    port.close();
  }
});
