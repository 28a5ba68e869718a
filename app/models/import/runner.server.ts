/**
 * Runs the import page's jobs in worker threads (docs/decisions/013): each import gets its own
 * thread with a capped heap (one is kept started ahead and reused for small files), so reading a
 * large file never stalls the pages other users are loading; one import at a time per ministry (a second is refused with 409), at most
 * IMPORT_CONCURRENCY in all, IMPORT_QUEUE_MAX more waiting for a turn (then 503).
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { databaseFile } from "@db/client";
import { importWorkerSettings, isDevelopment, type ImportWorkerSettings } from "~/config.server";
import type { ImportJob, ImportJobResult } from "./job.server";
import { refusalText } from "~/i18n/refusal-text";
import { Refusal, refusedOf } from "../refusal.server";

type Running = { mdoCode: string; startedAt: number };
type State = { running: Map<string, Running>; active: number; waiting: Array<() => void>; spare?: Spare };

declare global {
  var __fracImports: State | undefined;
}
// why globalThis: the dev server re-requires the bundle, and a second copy of this state would let two imports of one ministry run.
const state: State = (globalThis.__fracImports ??= { running: new Map(), active: 0, waiting: [] });

/** Runs one import job in a worker thread; a busy ministry, a full queue, a crash, a timeout or too little memory are refusals. */
export async function runImportInWorker(job: ImportJob): Promise<ImportJobResult> {
  const settings = importWorkerSettings();
  const busy = state.running.get(job.mdoId);
  if (busy) {
    const seconds = Math.max(1, Math.round((Date.now() - busy.startedAt) / 1000));
    return refusedOf(
      new Refusal(409, refusalText("importRun.ministryBusy", { mdo: busy.mdoCode, seconds })),
    );
  }
  state.running.set(job.mdoId, { mdoCode: job.mdoCode, startedAt: Date.now() });
  try {
    await takeTurn(settings);
    try {
      return await inWorker(job, settings);
    } finally {
      passTurn();
    }
  } catch (e) {
    return refusedOf(e);
  } finally {
    state.running.delete(job.mdoId);
    warmImportWorker();
  }
}

/** How many imports run and wait right now (for tests and the health page). */
export const importsInProgress = () => ({ running: state.active, waiting: state.waiting.length, ministries: state.running.size });

async function takeTurn(settings: ImportWorkerSettings): Promise<void> {
  if (state.active < settings.concurrency) {
    state.active++;
    return;
  }
  if (state.waiting.length >= settings.queueMax) {
    throw new Refusal(503, refusalText("importRun.serverBusy"));
  }
  // why no increment on wake: passTurn hands its turn over to the waiter instead of giving it back.
  await new Promise<void>((wake) => state.waiting.push(wake));
}

function passTurn(): void {
  const next = state.waiting.shift();
  if (next) next();
  else state.active--;
}


type Spare = { worker: Worker; key: string; ended: boolean };

/** Starts a worker ahead of the next import, so that import does not wait for the thread to load its code and open the database. */
export function warmImportWorker(): void {
  const settings = importWorkerSettings();
  if (state.spare && !state.spare.ended && state.spare.key === spareKey(settings)) return;
  keepAsSpare(startWorker(settings), settings);
}

/** Makes `worker` the one kept ready (ending the one kept before, if any). */
function keepAsSpare(worker: Worker, settings: ImportWorkerSettings): void {
  discardSpare();
  // why unref: an idle spare must not keep a CLI run or a test process alive.
  worker.unref();
  const spare: Spare = { worker, key: spareKey(settings), ended: false };
  const end = () => {
    spare.ended = true;
    if (state.spare === spare) state.spare = undefined;
  };
  worker.on("error", end);
  worker.on("exit", end);
  state.spare = spare;
}

function discardSpare(): void {
  const spare = state.spare;
  state.spare = undefined;
  if (spare && !spare.ended) void spare.worker.terminate();
}

// why these parts: a spare started under other settings, another database or another script would run the job wrongly.
const spareKey = (settings: ImportWorkerSettings) => JSON.stringify([settings.memoryMb, databaseFile(), workerEntry().entry]);

/** A worker that read a file this large ends after it, giving its heap back, instead of waiting for the next small file. */
const REUSE_BYTES_MAX = 8 * 1024 * 1024;

// why by name: removeAllListeners() with no name also drops the hooks a Worker keeps on itself to deliver messages.
function forget(worker: Worker): void {
  for (const event of ["message", "error", "exit"]) worker.removeAllListeners(event);
}

function takeWorker(settings: ImportWorkerSettings): Worker {
  const spare = state.spare;
  state.spare = undefined;
  if (spare && !spare.ended && spare.key === spareKey(settings)) {
    forget(spare.worker);
    spare.worker.ref();
    return spare.worker;
  }
  if (spare && !spare.ended) void spare.worker.terminate();
  return startWorker(settings);
}

function startWorker(settings: ImportWorkerSettings): Worker {
  const { entry, viaTsx } = workerEntry();
  const options = { resourceLimits: { maxOldGenerationSizeMb: settings.memoryMb }, stdout: false, stderr: false };
  return viaTsx ? new Worker(tsxBootstrap(entry), { ...options, eval: true }) : new Worker(entry, options);
}

function inWorker(job: ImportJob, settings: ImportWorkerSettings): Promise<ImportJobResult> {
  const owned = job.bytes.byteOffset === 0 && job.bytes.byteLength === job.bytes.buffer.byteLength;
  const bytes = owned ? job.bytes : job.bytes.slice();
  const worker = takeWorker(settings);
  const reusable = bytes.byteLength <= REUSE_BYTES_MAX;
  return new Promise((resolve, reject) => {
    let settled = false;
    let failure: Refusal | undefined;
    const timer = setTimeout(() => {
      failure ??= new Refusal(503, refusalText("importRun.timeout", { seconds: Math.round(settings.timeoutMs / 1000) }));
      void worker.terminate();
    }, settings.timeoutMs);
    // why a result settles at once: the job's transaction has committed (or never began) before the worker posts it.
    worker.on("message", (result: ImportJobResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      forget(worker);
      if (reusable) keepAsSpare(worker, settings);
      else void worker.terminate();
      resolve(result);
    });
    worker.on("error", (e: Error & { code?: string }) => {
      if (e.code === "ERR_WORKER_OUT_OF_MEMORY") {
        failure ??= new Refusal(413, refusalText("importRun.memory", { mb: settings.memoryMb }));
        return;
      }
      console.error("FRAC Studio: the import worker failed:", e);
      failure ??= new Refusal(503, refusalText("importRun.crashed"));
    });
    // why a failure settles on exit: only then has the worker's database connection closed (rolling back an unfinished write), so the ministry is free again.
    worker.on("exit", () => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      reject(failure ?? new Refusal(503, refusalText("importRun.stopped")));
    });
    // why transfer: the file may be 128 MB; moving its buffer costs nothing, copying it would double it.
    worker.postMessage({ ...job, bytes }, [bytes.buffer as ArrayBuffer]);
  });
}

/**
 * The worker's script: the built dist/import-worker.js (scripts/build-node.mjs), or, in development
 * or when it is not built, the TypeScript source, loaded through tsx.
 */
function workerEntry(): { entry: string; viaTsx: boolean } {
  const root = projectRoot();
  const built = path.join(root, "dist", "import-worker.js");
  const source = path.join(root, "server", "import-worker.ts");
  const development = isDevelopment();
  if (!development && fs.existsSync(built)) return { entry: built, viaTsx: false };
  if (fs.existsSync(source)) return { entry: source, viaTsx: true };
  if (fs.existsSync(built)) return { entry: built, viaTsx: false };
  throw new Error("The import worker is not built: run `npm run build`.");
}

// why walk up: this module runs from app/models/ (tests, tsx) and bundled into build/index.js (the server).
function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("FRAC Studio's package.json was not found above the server build.");
    dir = parent;
  }
  return dir;
}

// why eval: Node 20 does not hand a worker the parent's --import hooks, so the worker registers tsx itself.
function tsxBootstrap(entry: string): string {
  // why through package.json: require.resolve picks tsx's CommonJS entry, whose tsImport cannot load ES modules in a worker.
  const manifest = createRequire(import.meta.url).resolve("tsx/package.json");
  const { exports } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { exports: Record<string, { import: { default: string } }> };
  const api = pathToFileURL(path.join(path.dirname(manifest), exports["./esm/api"].import.default)).href;
  const url = pathToFileURL(entry).href;
  return `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(url)}, ${JSON.stringify(url)}));`;
}
