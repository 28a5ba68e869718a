/**
 * One measured import in its own process (so its peak memory is its own):
 *   tsx tests/bench/import-child.ts MODE FILE DB
 * MODE: "raw" (papaparse + prepared better-sqlite3 inserts of the same nodes and links, one
 * transaction: the floor), "dry" (the import's analysis and plan), "apply" (analysis + apply),
 * "chain" (apply, then the audit hash chain's cost timed apart).
 * Prints one JSON line: { mode, ms, rows, maxRssMB } and, for "chain", chainMs and auditRows.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import type { AuditContent } from "../../db/audit-chain";

const [mode, file, db] = process.argv.slice(2);
process.env.DATABASE_URL = `file:${db}`;
const bytes = fs.readFileSync(file);
const t0 = performance.now();
let rows = 0;
let chain: { ms: number; rows: number; replayMs: number } | undefined;

if (mode === "raw") {
  const { openClient } = await import("../../db/client");
  const { sqlite } = openClient(db);
  sqlite.pragma("cache_size = -65536");
  const fw = sqlite.prepare("select f.id from frameworks f join mdos m on m.id = f.mdo_id where m.code = 'BENCHIMP'").get() as { id: string };
  const competencyIds = new Map((sqlite.prepare("select id, name from competencies").all() as { id: string; name: string }[]).map((c) => [c.name, c.id]));
  const parsed = Papa.parse<string[]>(bytes.toString("utf8").replace(/^\uFEFF/, ""), { skipEmptyLines: true });
  const data = parsed.data.slice(1);
  rows = data.length;
  const ids = new Map<string, string>();
  const insertNode = sqlite.prepare("insert into nodes (id, framework_id, kind, name, description) values (?, ?, ?, ?, ?)");
  const insertLink = sqlite.prepare("insert into links (id, framework_id, kind, from_id, to_node_id, to_competency_id, level) values (?, ?, ?, ?, ?, ?, ?)");
  const seen = new Set<string>();
  const node = (kind: string, name: string, description: string) => {
    const key = `${kind}\u0000${name}`;
    let id = ids.get(key);
    if (!id) {
      id = crypto.randomUUID();
      ids.set(key, id);
      insertNode.run(id, fw.id, kind, name, description);
    }
    return id;
  };
  const link = (kind: string, from: string, to: string, competency: boolean, level: number | null) => {
    const key = `${from}\u0000${to}`;
    if (seen.has(key)) return;
    seen.add(key);
    insertLink.run(crypto.randomUUID(), fw.id, kind, from, competency ? null : to, competency ? to : null, level);
  };
  sqlite.transaction(() => {
    for (const r of data) {
      const p = node("position", r[0], r[1]);
      const ro = node("role", r[2], r[3]);
      const a = node("activity", r[4], r[5]);
      link("position_role", p, ro, false, null);
      link("role_activity", ro, a, false, null);
      link("activity_competency", a, competencyIds.get(r[6])!, true, Number(r[8]));
    }
  })();
} else {
  const { getMdoByCode } = await import("../../app/models/access/mdos.server");
  const { analyseForMdo, applyImportPlan, sha256Hex } = await import("../../app/models/import/import.server");
  const mdo = getMdoByCode({ code: "BENCHIMP" })!;
  const result = (await analyseForMdo({ mdoId: mdo.id, mdoCode: mdo.code, fileName: path.basename(file), bytes: new Uint8Array(bytes), mode: "merge" }))!;
  rows = result.analysis.rowCount;
  if (!result.analysis.plan?.ok) throw new Error(`bench file has errors: ${JSON.stringify(result.analysis.findings.slice(0, 3))}`);
  if (mode === "apply" || mode === "chain") {
    const { getClient } = await import("../../db/client");
    const lastBefore = getClient().sqlite.prepare("select coalesce(max(id), 0) from audit_log").pluck().get() as number;
    const applied = applyImportPlan({ mdoId: mdo.id, userId: null, plan: result.analysis.plan, fileName: path.basename(file), sha256: sha256Hex(bytes), baseRevision: result.revision });
    if (!applied.ok) throw new Error(applied.message);
    // why a mode of its own: reading the audit rows back would count in the apply runs' peak memory.
    if (mode === "chain") chain = await chainCost(lastBefore);
  }
}
const ms = performance.now() - t0 - (chain?.replayMs ?? 0);
console.log(JSON.stringify({ mode, ms, rows, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), chainMs: chain?.ms, auditRows: chain?.rows }));

/**
 * The audit hash chain's share of the apply, timed apart: the import's own audit rows are read back
 * and their hashes computed again, exactly as the import computed them while writing (the same
 * auditHash over the same content, in order). The read-back is not counted in the import's time.
 */
async function chainCost(afterId: number): Promise<{ ms: number; rows: number; replayMs: number }> {
  const t = performance.now();
  const { getClient } = await import("../../db/client");
  const { auditHash } = await import("../../db/audit-chain");
  const rows = getClient()
    .sqlite.prepare("select at, user_id as userId, mdo_id as mdoId, entity, entity_id as entityId, action, field, before, after, prev_hash as prevHash, hash from audit_log where id > ? order by id")
    .all(afterId) as (AuditContent & { prevHash: string; hash: string })[];
  const t1 = performance.now();
  for (const row of rows) {
    if (auditHash(row.prevHash, row) !== row.hash) throw new Error("the audit chain does not replay: the bench no longer matches db/audit-chain.ts");
  }
  const ms = performance.now() - t1;
  return { ms, rows: rows.length, replayMs: performance.now() - t };
}
