/**
 * Read-API figures: export time of each format for a generated 20,000-node / 60,000-link published
 * framework against a raw floor (the same rows read with better-sqlite3 and JSON.stringify), and
 * HTTP throughput of a numbered JSON version (with a token) against a bare node:http server sending
 * the same bytes, both measured with autocannon on loopback.
 */
import crypto from "node:crypto";
import http from "node:http";
import autocannon from "autocannon";
import type Database from "better-sqlite3";
import { exportChunks, type ExportFormat } from "@export/index";
import { openClient } from "../../db/client";
import type { FracDocument } from "../../schemas/frac-document";

// A bare server's port: next to BENCH_PORT when one is given (a shared machine), else any free one.
const barePort = (offset: number) => (process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) + offset : 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function drain(doc: FracDocument, format: ExportFormat): Promise<number> {
  let bytes = 0;
  for await (const chunk of exportChunks(doc, format)) bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
  return bytes;
}

/**
 * Export times per format, and the JSON export's ratio to the raw floor taken pair by pair (the
 * floor and the export alternate, so a load change on a shared machine hits both alike). The same
 * framework is published once, so the published JSON export (its stored bytes) is measured too.
 */
export async function exportFigures(dbFile: string, mdoId: string, runs: number): Promise<[string, string, string][]> {
  process.env.DATABASE_URL = `file:${dbFile}`;
  const { loadDraftDocument } = await import("../../app/models/draft/document.server");
  const { publishedExport } = await import("../../app/models/publication/export.server");
  const { sqlite } = openClient(dbFile);
  const fw = sqlite.prepare("select id from frameworks where mdo_id = ?").get(mdoId) as { id: string };
  const number = publishOnce(sqlite, mdoId, fw.id, loadDraftDocument({ mdoId })!);
  const raw: number[] = [];
  const json: number[] = [];
  const load: number[] = [];
  const published: number[] = [];
  const ratios: number[] = [];
  let doc: FracDocument | null = null;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const rows = { nodes: sqlite.prepare("select * from nodes where framework_id = ?").all(fw.id), links: sqlite.prepare("select * from links where framework_id = ?").all(fw.id) };
    JSON.stringify(rows);
    raw.push(performance.now() - t0);
    const t1 = performance.now();
    doc = loadDraftDocument({ mdoId })!;
    load.push(performance.now() - t1);
    await drain(doc, "json");
    json.push(performance.now() - t1);
    ratios.push(json[i] / raw[i]);
    const t2 = performance.now();
    let bytes = 0;
    for await (const chunk of publishedExport({ mdoId, number, format: "json" })!.chunks) bytes += chunk.length;
    if (bytes === 0) throw new Error("the published export was empty");
    published.push(performance.now() - t2);
  }
  const rowsOut: [string, string, string][] = [
    [
      `export: JSON (load + serialise), ${doc!.nodes.length} nodes / ${doc!.links.length} links`,
      `${median(json).toFixed(0)} ms`,
      `raw floor ${median(raw).toFixed(0)} ms; ratio ${median(ratios).toFixed(2)}× (pairwise median of ${runs}; target ≤ 1.2×); load ${median(load).toFixed(0)} ms of it`,
    ],
    [`export: JSON of the same framework published (its stored text)`, `${median(published).toFixed(0)} ms`, `${(median(published) / median(raw)).toFixed(2)}× the raw floor; no parse, no rebuild`],
  ];
  for (const format of ["csv", "xlsx", "case"] as const) {
    const t0 = performance.now();
    const bytes = await drain(doc!, format);
    rowsOut.push([`export: ${format.toUpperCase()} of the same document`, `${(performance.now() - t0).toFixed(0)} ms`, `${(bytes / 1024 / 1024).toFixed(1)} MB; loading the document first: ${median(load).toFixed(0)} ms`]);
  }
  rowsOut.push(...(await slowestSteps(doc!)));
  sqlite.close();
  return rowsOut;
}

/** Publishes the draft as a version straight into the table (once per bench database); returns its number. */
export function publishOnce(sqlite: Database.Database, mdoId: string, frameworkId: string, draft: FracDocument): number {
  const existing = sqlite.prepare("select number from versions where mdo_id = ?").get(mdoId) as { number: number } | undefined;
  if (existing) return existing.number;
  const approver = sqlite.prepare("select id from users limit 1").get() as { id: string };
  const document = { ...draft, version: 1, status: "PUBLISHED" as const, publishedAt: new Date().toISOString() };
  const text = `${JSON.stringify(document, null, 2)}\n`;
  const sha256 = crypto.createHash("sha256").update(text).digest("hex");
  sqlite
    .prepare("insert into versions (id, mdo_id, framework_id, number, document, sha256, node_count, link_count, approved_by, published_at) values (?, ?, ?, 1, ?, ?, ?, ?, ?, ?)")
    .run(crypto.randomUUID(), mdoId, frameworkId, text, sha256, document.nodes.length, document.links.length, approver.id, document.publishedAt);
  return 1;
}

const WARM_UP_SECONDS = 1;
const MEASURE_SECONDS = 5;

async function cannon(url: string, headers: Record<string, string>, duration = MEASURE_SECONDS) {
  const result = await autocannon({ url, headers, connections: 10, duration });
  return result.requests.average;
}

async function cannonBytes(url: string, headers: Record<string, string>, duration = MEASURE_SECONDS) {
  const result = await autocannon({ url, headers, connections: 10, duration });
  if (result.non2xx > 0) throw new Error(`${url} answered ${result.non2xx} non-2xx responses`);
  return { rps: result.requests.average, bps: result.throughput.average };
}

const mb = (bytesPerSecond: number) => `${(bytesPerSecond / 1024 / 1024).toFixed(1)} MB/s`;

/**
 * Requests and bytes per second of the app answering Accept-Encoding br and gzip, against a bare
 * node:http server sending the same compressed bytes (compressBytes is deterministic: the server's).
 */
export async function compressedFigures(base: string, token: string, path: string, runs: number): Promise<[string, string, string][]> {
  const { compressBytes } = await import("../../app/models/read-api/compressed-bytes.server");
  const res = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}`, "Accept-Encoding": "identity" } });
  if (!res.ok) throw new Error(`API answered ${res.status} for ${path}`);
  const identity = new Uint8Array(await res.arrayBuffer());
  const rows: [string, string, string][] = [];
  for (const encoding of ["br", "gzip"] as const) {
    const body = await compressBytes(identity, encoding);
    const bare = http.createServer((_req, out) => {
      out.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": encoding, Vary: "Accept-Encoding", "Content-Length": body.length });
      out.end(body);
    });
    await new Promise<void>((resolve) => bare.listen(barePort(encoding === "br" ? 2 : 3), "127.0.0.1", resolve));
    const floorUrl = `http://127.0.0.1:${(bare.address() as { port: number }).port}/`;
    const headers = { Authorization: `Bearer ${token}`, "Accept-Encoding": encoding };
    try {
      await cannon(`${base}${path}`, headers, WARM_UP_SECONDS);
      await cannon(floorUrl, { "Accept-Encoding": encoding }, WARM_UP_SECONDS);
      const pairs: { app: { rps: number; bps: number }; floor: { rps: number; bps: number } }[] = [];
      for (let i = 0; i < runs; i++) pairs.push({ app: await cannonBytes(`${base}${path}`, headers), floor: await cannonBytes(floorUrl, { "Accept-Encoding": encoding }) });
      const app = median(pairs.map((p) => p.app.rps));
      const floor = median(pairs.map((p) => p.floor.rps));
      rows.push([
        `HTTP: ${path} as ${encoding} (${(body.length / 1024).toFixed(0)} KB of ${(identity.length / 1024).toFixed(0)} KB), 10 connections`,
        `${app.toFixed(0)} req/s`,
        `${mb(median(pairs.map((p) => p.app.bps)))}; bare node:http with the same bytes ${floor.toFixed(0)} req/s, ${mb(median(pairs.map((p) => p.floor.bps)))}; ratio ${median(pairs.map((p) => p.app.rps / p.floor.rps)).toFixed(2)}×`,
      ]);
    } finally {
      bare.close();
    }
  }
  return rows;
}

/** Requests per second of the app's numbered JSON version against a bare server sending the same bytes, pair by pair. */
export async function throughputFigures(base: string, token: string, path: string, runs: number): Promise<[string, string, string][]> {
  const res = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`API answered ${res.status} for ${path}`);
  const body = Buffer.from(await res.arrayBuffer());
  const etag = `"${crypto.createHash("sha256").update(body).digest("hex")}"`;
  const bare = http.createServer((_req, out) => {
    out.writeHead(200, { "Content-Type": "application/json", ETag: etag, "Content-Length": body.length });
    out.end(body);
  });
  await new Promise<void>((resolve) => bare.listen(barePort(1), "127.0.0.1", resolve));
  const port = (bare.address() as { port: number }).port;
  const appUrl = `${base}${path}`;
  const floorUrl = `http://127.0.0.1:${port}/`;
  const auth = { Authorization: `Bearer ${token}` };
  try {
    // why a warm-up: the first seconds of a fresh server are spent compiling its hot paths.
    await cannon(appUrl, auth, WARM_UP_SECONDS);
    await cannon(floorUrl, {}, WARM_UP_SECONDS);
    const pairs: { app: number; floor: number }[] = [];
    for (let i = 0; i < runs; i++) pairs.push({ app: await cannon(appUrl, auth), floor: await cannon(floorUrl, {}) });
    const app = median(pairs.map((p) => p.app));
    const floor = median(pairs.map((p) => p.floor));
    const ratio = median(pairs.map((p) => p.app / p.floor));
    return [
      [`HTTP: ${path} (${(body.length / 1024).toFixed(0)} KB) with a token, 10 connections`, `${app.toFixed(0)} req/s`, `bare node:http ${floor.toFixed(0)} req/s; ratio ${ratio.toFixed(2)}× (pairwise median of ${runs}; target ≥ 0.3×)`],
    ];
  } finally {
    bare.close();
  }
}

/** The steps of the XLSX and CASE exports timed apart, so the slowest one can be named. */
async function slowestSteps(doc: FracDocument): Promise<[string, string, string][]> {
  const { buildCasePackage } = await import("../../export/case");
  const { buildExportGraph } = await import("@export/graph");
  const { writeXlsx } = await import("../../export/xlsx");
  const { Writable } = await import("node:stream");
  const t0 = performance.now();
  buildExportGraph(doc);
  const indexMs = performance.now() - t0;
  const t1 = performance.now();
  const pkg = buildCasePackage(doc, {});
  const buildMs = performance.now() - t1;
  const t2 = performance.now();
  const text = JSON.stringify(pkg, null, 2);
  const stringifyMs = performance.now() - t2;
  // exceljs writes the sheets and deflates them into the zip in one stream: timed as one step.
  let xmlBytes = 0;
  const sink = new Writable({ write: (chunk: Buffer, _e, done) => ((xmlBytes += chunk.length), done()) });
  const t3 = performance.now();
  await writeXlsx(doc, sink);
  const xlsxMs = performance.now() - t3;
  return [
    ["export steps: index the document (shared by CSV, XLSX, CASE)", `${indexMs.toFixed(0)} ms`, ""],
    ["export steps: CASE, build the package objects", `${buildMs.toFixed(0)} ms`, `then JSON text ${stringifyMs.toFixed(0)} ms (${(text.length / 1024 / 1024).toFixed(0)} MB): slowest is ${buildMs > stringifyMs ? "building the objects" : "the JSON text"}`],
    ["export steps: XLSX, exceljs streaming writer (sheets + zip)", `${xlsxMs.toFixed(0)} ms`, `${(xmlBytes / 1024 / 1024).toFixed(1)} MB zip; slowest step of the XLSX export`],
  ];
}
