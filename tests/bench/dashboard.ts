/**
 * CBC dashboard figures (`BENCH_ONLY=dashboard`): 700 generated ministries, each with a small
 * draft, half of them published through review steps written straight into SQLite (with the
 * demand and completeness that publication stores alongside each version); the dashboard's
 * server work (its loader's model calls) timed cold (first visit: every draft validated and scored)
 * and warm (later visits). Target: under 1 s.
 */
import crypto from "node:crypto";
import path from "node:path";
import { openClient } from "../../db/client";
import { seedReference } from "../../db/seed";
import { writeBigFramework } from "../factories/big-framework";

const MINISTRIES = 700;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Writes the ministries; returns the database file. */
function fill(dbFile: string) {
  const client = openClient(dbFile);
  seedReference(client);
  const { sqlite } = client;
  const written = [];
  for (let i = 0; i < MINISTRIES; i++) {
    written.push(writeBigFramework(client, { code: `D${String(i).padStart(3, "0")}`, withPositions: false, positions: 4, rolesPer: 2, activitiesPer: 2, competenciesPer: 2 }));
  }
  const user = crypto.randomUUID();
  sqlite.prepare("insert into users (id, email, name, password_hash) values (?, 'bench-board@frac.test', 'Bench board', 'x')").run(user);
  client.sqlite.close();
  return { written, user };
}

export async function dashboardBench(dir: string): Promise<[string, string, string][]> {
  const dbFile = path.join(dir, "dashboard.db");
  const { written, user } = fill(dbFile);
  process.env.DATABASE_URL = `file:${dbFile}`;
  const { getClient } = await import("../../db/client");
  const { loadDraftDocument } = await import("../../app/models/draft/document.server");
  const { serializeDocument } = await import("../../app/models/publication/versions.server");
  const { recordVersionInsight } = await import("../../app/models/insight/version-insight.server");
  const { sqlite } = getClient();
  const insertVersion = sqlite.prepare(
    "insert into versions (id, mdo_id, framework_id, number, document, sha256, node_count, link_count, approved_by, published_at) values (?, ?, ?, 1, ?, ?, ?, ?, ?, ?)",
  );
  const insertStep = sqlite.prepare("insert into review_events (id, framework_id, action, from_status, to_status, user_id, at, version_number) values (?, ?, ?, 'x', 'y', ?, ?, ?)");
  sqlite.transaction(() => {
    written.forEach((w, i) => {
      if (i % 2) return;
      const doc = loadDraftDocument({ mdoId: w.mdoId })!;
      const published = { ...doc, version: 1, status: "PUBLISHED" as const };
      const { text, sha256 } = serializeDocument(published);
      const submitted = new Date(Date.UTC(2026, 0, 1 + (i % 60))).toISOString();
      const approved = new Date(Date.UTC(2026, 0, 3 + (i % 60) + (i % 45))).toISOString();
      insertVersion.run(crypto.randomUUID(), w.mdoId, w.frameworkId, text, sha256, doc.nodes.length, doc.links.length, user, approved);
      // As publication does (publish.server.ts): what the version needs is stored with it.
      recordVersionInsight(sha256, published);
      insertStep.run(crypto.randomUUID(), w.frameworkId, "submit", user, submitted, null);
      insertStep.run(crypto.randomUUID(), w.frameworkId, "approve", user, approved, 1);
    });
  })();
  const { countByStatus, countByTurnaround, listDashboardRows, queryDashboard } = await import("../../app/models/insight/dashboard.server");
  const { topDemand } = await import("../../app/models/insight/demand-all.server");
  const { dashboardQuerySchema } = await import("../../schemas/dashboard-query");
  const visit = () => {
    const t0 = performance.now();
    const all = listDashboardRows();
    const rows = queryDashboard(all, dashboardQuerySchema.parse({ sort: "days", dir: "desc" }));
    JSON.stringify({ rows, byStatus: countByStatus(all), byTurnaround: countByTurnaround(all), demand: topDemand(10) });
    return { ms: performance.now() - t0, rows: rows.length };
  };
  const cold = visit();
  const warm = Array.from({ length: 5 }, () => visit().ms);
  return [
    [`CBC dashboard: ${cold.rows} ministries, first visit (every draft validated and scored)`, ms(cold.ms), "target < 1 s"],
    ["CBC dashboard: later visits, median of 5", ms(median(warm)), "target < 1 s"],
  ];
}
