/**
 * Insight figures (`BENCH_ONLY=insight`): competency demand and completeness of a generated
 * 20,000-node framework, for its draft and for the same framework published as version 1. Times
 * are per call, in process: the model function a page, the CLI or the read API calls, reading the
 * framework (the draft's rows, or the stored version's JSON) and computing. Target: < 300 ms each.
 */
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import { openClient } from "../../db/client";
import { seedReference } from "../../db/seed";
import { writeBigFramework } from "../factories/big-framework";
import { publishOnce } from "./api";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const RUNS = 7;

/** `before` runs ahead of each call, untimed (a save's change of revision belongs to the save, not to the read). */
function time(run: () => unknown, before?: () => void): number[] {
  before?.();
  run(); // warm-up: prepared statements and JIT, as a running server has them
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    before?.();
    const t0 = performance.now();
    if (!run()) throw new Error("the model function found nothing to measure");
    out.push(performance.now() - t0);
  }
  return out;
}

type Big = { dbFile: string; mdoId: string; frameworkId: string; nodes: number; links: number };

/**
 * Times each call on `given` (the full run's 20,000-node framework, in the database the app already
 * opened), or on one written into a fresh database in `dir`; the framework is published once.
 */
export async function insightBench(dir: string, given?: Big): Promise<[string, string, string][]> {
  let big = given;
  if (!big) {
    const dbFile = path.join(dir, "insight.db");
    const fresh = openClient(dbFile);
    seedReference(fresh);
    // why a user: a published version names its approver.
    fresh.sqlite.prepare("insert into users (id, email, name, password_hash) values (?, 'insight@frac.test', 'Bench approver', 'x')").run(crypto.randomUUID());
    big = { dbFile, ...writeBigFramework(fresh, { code: "BENCH20K", withPositions: false, positions: 1500, rolesPer: 2, activitiesPer: 5, competenciesPer: 3 }) };
    fresh.sqlite.close();
    process.env.DATABASE_URL = `file:${dbFile}`;
  }
  const client = openClient(big.dbFile);
  const { loadDraftDocument } = await import("../../app/models/draft/document.server");
  const { loadInsightDocument } = await import("../../app/models/insight/insight-document.server");
  const { demandOf } = await import("../../app/models/insight/demand.server");
  const { completenessOf } = await import("../../app/models/insight/completeness.server");
  const { computeDemand } = await import("../../schemas/demand");
  const { computeCompleteness } = await import("../../schemas/completeness");
  publishOnce(client.sqlite, big.mdoId, big.frameworkId, loadDraftDocument({ mdoId: big.mdoId })!);
  const doc = loadDraftDocument({ mdoId: big.mdoId })!;
  const size = `${big.nodes.toLocaleString("en-IN")} nodes, ${big.links.toLocaleString("en-IN")} links`;
  const load = os.loadavg().map((n) => n.toFixed(2)).join(" ");
  const rows: [string, string, string][] = [];
  // why before the loop: a version's demand and completeness are computed once and then kept by its sha256; this is that once.
  const first = performance.now();
  if (!demandOf({ mdoId: big.mdoId, version: 1 })) throw new Error("no version 1 to measure");
  rows.push([`first read of the version 1 (parses it, computes and stores both)`, ms(performance.now() - first), "once per version: at publication or its first read"]);
  // The first read of the draft after a change (a save raises the revision): read and computed.
  const bump = client.sqlite.prepare("update frameworks set revision = revision + 1 where id = ?");
  const change = () => void bump.run(big.frameworkId);
  rows.push([`demand of the draft, first read after a change`, ms(median(time(() => demandOf({ mdoId: big.mdoId, version: "draft" }), change))), "reads the draft and computes; target < 300 ms"]);
  rows.push([`completeness of the draft, first read after a change`, ms(median(time(() => completenessOf({ mdoId: big.mdoId, version: "draft" }), change))), "reads the draft and computes; target < 300 ms"]);
  for (const [what, source] of [["draft", "draft"], ["version 1", 1]] as const) {
    const how = source === "draft" ? "kept until the draft or dictionary changes; target < 300 ms" : "kept by sha256; target < 300 ms";
    rows.push([`demand of the ${what} (${size})`, ms(median(time(() => demandOf({ mdoId: big.mdoId, version: source })))), how]);
    rows.push([`completeness of the ${what}`, ms(median(time(() => completenessOf({ mdoId: big.mdoId, version: source })))), how]);
  }
  rows.push(["  of which computing demand alone", ms(median(time(() => computeDemand(doc)))), "schemas/demand.ts"]);
  rows.push(["  of which computing completeness alone", ms(median(time(() => computeCompleteness(doc)))), "schemas/completeness.ts"]);
  rows.push(["  of which reading the draft for insight (what the first read after a change reads)", ms(median(time(() => loadInsightDocument({ mdoId: big.mdoId })))), "app/models/insight/insight-document.server.ts"]);
  rows.push(["  (reading the whole draft document, for comparison)", ms(median(time(() => loadDraftDocument({ mdoId: big.mdoId })))), `load average at the start: ${load}`]);
  client.sqlite.close();
  return rows;
}
