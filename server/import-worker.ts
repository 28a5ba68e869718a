/**
 * The import worker thread's entry: runs the one job it was started with (app/models/import-job.server.ts)
 * on its own database connection and posts the result. It is started per import by
 * app/models/import-runner.server.ts, which turns a crash, a timeout or running out of memory into a refusal.
 */
import { parentPort, workerData } from "node:worker_threads";
import { closeClient } from "../db/client";
import { runImportJob, type ImportJob } from "../app/models/import-job.server";

if (!parentPort) throw new Error("server/import-worker.ts runs only as a worker thread.");
const port = parentPort;

try {
  port.postMessage(await runImportJob(workerData as ImportJob));
} finally {
  closeClient();
}
