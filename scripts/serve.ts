/**
 * The production server: opens the database (applying migrations), seeds reference data
 * (and demo data when FRAC_DEMO is set), then serves the Remix build with Express.
 */
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import express from "express";
import { openForServing } from "../db/startup-check";
import { demoRefusal, seedDemo, seedReference } from "../db/seed";
import { seedDemoHistory } from "../app/models/demo/history.server";
import { warmImportWorker } from "../app/models/import/runner.server";
import { scheduleStaticCopy } from "../app/models/publication/static-copy.server";
import { continueOnlyAfterChecks, cspNonce, installSecurity } from "../server/security";
import { oneAtATime } from "../server/one-at-a-time";
import { demoRequested, isDevelopment, serverPort, startupProblems } from "../app/config.server";

const root = fileURLToPath(new URL("..", import.meta.url));
const demo = demoRequested();
const port = serverPort();

// why before the database is opened: a refused start must change nothing.
const problems = startupProblems();
if (problems.length) {
  for (const p of problems) console.error(`FRAC Studio will not start: ${p}`);
  process.exit(1);
}

const client = openForServing();
const refusal = demo ? demoRefusal(client) : null;
if (refusal) {
  console.error(`FRAC Studio will not start with FRAC_DEMO: ${refusal}`);
  process.exit(1);
}
const ref = seedReference(client);
const demoReport = demo ? { ...(await seedDemo(client)), versions: seedDemoHistory().published ?? 0 } : null;
const added = Object.entries({ ...ref, ...demoReport }).filter(([, n]) => n > 0);
console.log(
  `FRAC Studio: database ${path.relative(process.cwd(), client.file) || client.file}` +
    (added.length ? ` (seeded ${added.map(([k, n]) => `${n} ${k}`).join(", ")})` : "") +
    (demo ? "; demo accounts enabled (FRAC_DEMO)" : ""),
);

// With STATIC_DIR set, the static copy catches up with what was published while the server was down.
void scheduleStaticCopy();

const buildUrl = pathToFileURL(path.join(root, "build", "index.js")).href;
const build = (await import(buildUrl)) as ServerBuild;

const app = express();
// why: no read-API path names a file in public/, and looking for one costs a stat on every request.
const API_PATHS = /^\/(?:api|ims)\//u;
// First of all: pages start one per turn of the event loop, so new connections are accepted between them (server/one-at-a-time.ts).
app.use(oneAtATime((req) => (req.method === "GET" || req.method === "HEAD") && !API_PATHS.test(req.path) && !req.path.startsWith("/build/")));
installSecurity(app);
app.use("/build", express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y" }));
const publicFiles = express.static(path.join(root, "public"), { maxAge: "1h" });
app.use((req, res, next) => (API_PATHS.test(req.path) ? next() : publicFiles(req, res, next)));
app.all(
  "*",
  createRequestHandler({ build, mode: build.mode, getLoadContext: (req, res) => ({ cspNonce: cspNonce(res), clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown" }) }),
);

const server = app.listen(port, () => {
  console.log(`FRAC Studio is serving on http://localhost:${port}`);
  // The first import then finds a worker ready (docs/decisions/013); the runner's state is shared through globalThis with the Remix build.
  warmImportWorker();
  if (isDevelopment()) void broadcastDevReady(build);
});

continueOnlyAfterChecks(server, app);

server.on("error", (e: NodeJS.ErrnoException) => {
  console.error(e.code === "EADDRINUSE" ? `FRAC Studio: port ${port} is already in use. Stop the other server or set PORT to a free port.` : `FRAC Studio: ${e.message}`);
  process.exit(1);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close(() => {
      client.sqlite.close();
      process.exit(0);
    });
  });
}
