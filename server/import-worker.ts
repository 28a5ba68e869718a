/**
 * The import worker thread's entry. It opens its database connection as soon as it starts, then
 * runs each job it is sent (app/models/import/job.server.ts) and posts the result. The runner
 * (app/models/import/runner.server.ts) keeps one worker started ahead, gives it small files one
 * after another, ends it after a large file, and turns a crash, a timeout or running out of
 * memory into a refusal.
 */
import { parentPort } from "node:worker_threads";
import { getClient } from "../db/client";
import { runImportJob, type ImportJob } from "../app/models/import/job.server";

if (!parentPort) throw new Error("server/import-worker.ts runs only as a worker thread.");
const port = parentPort;

getClient();
port.on("message", async (job: ImportJob) => {
  port.postMessage(await runImportJob(job));
});
