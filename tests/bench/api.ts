/**
 * Read-API figures: export time of each format for a generated 20,000-node / 60,000-link published
 * framework against a raw floor (the same rows read with better-sqlite3 and JSON.stringify), and
 * HTTP throughput of a numbered JSON version (with a token) against a bare node:http server sending
 * the same bytes, both measured with autocannon on loopback.
 */
import crypto from "node:crypto";
import http from "node:http";
import autocannon from "autocannon";
import { exportChunks, type ExportFormat } from "@export/index";
import { openClient } from "../../db/client";
import type { FracDocument } from "../../schemas/frac-document";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function drain(doc: FracDocument, format: ExportFormat): Promise<number> {
  let bytes = 0;
  for await (const chunk of exportChunks(doc, format)) bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
  return bytes;
}

/** Export times per format and the JSON export's ratio to the raw floor. */
export async function exportFigures(dbFile: string, mdoId: string, runs: number): Promise<[string, string, string][]> {
  process.env.DATABASE_URL = `file:${dbFile}`;
  const { loadDraftDocument } = await import("../../app/models/framework.server");
  const { sqlite } = openClient(dbFile);
  const fw = sqlite.prepare("select id from frameworks where mdo_id = ?").get(mdoId) as { id: string };
  const raw: number[] = [];
  const json: number[] = [];
  let doc: FracDocument | null = null;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const rows = { nodes: sqlite.prepare("select * from nodes where framework_id = ?").all(fw.id), links: sqlite.prepare("select * from links where framework_id = ?").all(fw.id) };
    JSON.stringify(rows);
    raw.push(performance.now() - t0);
    const t1 = performance.now();
    doc = loadDraftDocument({ mdoId })!;
    await drain(doc, "json");
    json.push(performance.now() - t1);
  }
  const rowsOut: [string, string, string][] = [
    [`export: JSON (load + serialise), ${doc!.nodes.length} nodes / ${doc!.links.length} links`, `${median(json).toFixed(0)} ms`, `raw floor ${median(raw).toFixed(0)} ms; ratio ${(median(json) / median(raw)).toFixed(2)}× (target ≤ 2×)`],
  ];
  for (const format of ["csv", "xlsx", "case"] as const) {
    const t0 = performance.now();
    const bytes = await drain(doc!, format);
    rowsOut.push([`export: ${format.toUpperCase()} of the same document`, `${(performance.now() - t0).toFixed(0)} ms`, `${(bytes / 1024 / 1024).toFixed(1)} MB`]);
  }
  sqlite.close();
  return rowsOut;
}

const WARM_UP_SECONDS = 1;
const MEASURE_SECONDS = 5;

async function cannon(url: string, headers: Record<string, string>, duration = MEASURE_SECONDS) {
  const result = await autocannon({ url, headers, connections: 10, duration });
  return result.requests.average;
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
  await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
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
