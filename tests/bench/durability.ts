/**
 * What `synchronous = FULL` costs against NORMAL (WAL mode), for the decision in
 * docs/decisions/006-durable-publication.md: `npx tsx tests/bench/durability.ts [SAVES]`.
 *   - editor saves of one change (one transaction each, the commonest write), through the model;
 *   - a raw one-row commit, the floor.
 * The two settings alternate in rounds, so load on the machine falls on both alike.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";

const SAVES = Number(process.argv[2] ?? 200);
const ROUNDS = 3;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "frac-durability-"));
const file = path.join(dir, "bench.db");
process.env.DATABASE_URL = `file:${file}`;

const { getClient } = await import("../../db/client");
const { seedDemo, seedReference } = await import("../../db/seed");
const { userId } = await import("../../db/ids");
const { frameworks, nodes } = await import("../../db/schema");
const { applyEditOps } = await import("../../app/models/draft-save/save.server");
const { getMdoByCode } = await import("../../app/models/access/mdos.server");

const client = getClient();
seedReference(client);
await seedDemo(client);
const mdo = getMdoByCode({ code: "CBIC" })!;
const fw = client.db.select().from(frameworks).where(eq(frameworks.mdoId, mdo.id)).get()!;
const position = client.db.select().from(nodes).where(eq(nodes.frameworkId, fw.id)).all().find((n) => n.kind === "position")!;
client.sqlite.exec("create table if not exists bench_rows (id integer primary key, body text)");
const insertRow = client.sqlite.prepare("insert into bench_rows (body) values (?)");

function time(run: () => void): number {
  const t = performance.now();
  run();
  return performance.now() - t;
}

function editorSaves(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const revision = client.db.select({ r: frameworks.revision }).from(frameworks).where(eq(frameworks.id, fw.id)).get()!.r;
    out.push(
      time(() => {
        const result = applyEditOps({ mdoId: mdo.id, userId: userId("author@frac.test"), baseRevision: revision, ops: [{ op: "node.update", id: position.id, fields: { description: `save ${i}` } }] });
        if (!result.ok) throw new Error(result.message);
      }),
    );
  }
  return out;
}

function rawCommits(n: number): number[] {
  return Array.from({ length: n }, (_, i) => time(() => insertRow.run(`row ${i}`)));
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
const results: Record<string, { save: number[]; raw: number[] }> = { NORMAL: { save: [], raw: [] }, FULL: { save: [], raw: [] } };
for (let round = 0; round < ROUNDS; round++) {
  for (const mode of ["NORMAL", "FULL"] as const) {
    client.sqlite.pragma(`synchronous = ${mode}`);
    results[mode].save.push(...editorSaves(SAVES));
    results[mode].raw.push(...rawCommits(SAVES));
  }
}
client.sqlite.close();
fs.rmSync(dir, { recursive: true, force: true });

const f = (n: number) => `${n.toFixed(2)} ms`;
console.log(`synchronous | editor save p50 | p99 | raw commit p50 | p99   (${ROUNDS} × ${SAVES} each, load ${os.loadavg()[0].toFixed(1)})`);
for (const [mode, r] of Object.entries(results)) {
  console.log(`${mode.padEnd(11)} | ${f(pct(r.save, 50))} | ${f(pct(r.save, 99))} | ${f(pct(r.raw, 50))} | ${f(pct(r.raw, 99))}`);
}
