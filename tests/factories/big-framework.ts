/**
 * A large, realistic-shaped framework written straight into SQLite, for benchmarks and load tests:
 * positions → roles → activities → KCM competencies with levels, optionally with canvas positions.
 */
import crypto from "node:crypto";
import { eq, isNull } from "drizzle-orm";
import type { Client } from "@db/client";
import { competencies, frameworks, mdos } from "@db/schema";

export type BigFrameworkOptions = { code: string; positions: number; rolesPer: number; activitiesPer: number; competenciesPer: number; withPositions: boolean };

/** Activates an inactive MDO under `code` with an empty draft; returns its id and the draft's framework id. */
export function activateEmptyMdo(client: Client, code: string): { frameworkId: string; mdoId: string } {
  const { db } = client;
  const mdo = db.select().from(mdos).where(eq(mdos.active, false)).limit(1).get();
  if (!mdo) throw new Error("no inactive MDO left to activate");
  db.update(mdos).set({ active: true, code }).where(eq(mdos.id, mdo.id)).run();
  const frameworkId = crypto.randomUUID();
  db.insert(frameworks).values({ id: frameworkId, mdoId: mdo.id, revision: 1 }).run();
  return { frameworkId, mdoId: mdo.id };
}

/** Activates an inactive MDO under `code` and fills its draft; returns the counts written. */
export function writeBigFramework(client: Client, o: BigFrameworkOptions) {
  const { db, sqlite } = client;
  const { frameworkId, mdoId } = activateEmptyMdo(client, o.code);
  // The shared dictionary only: another ministry's Domain competencies are not this one's to use.
  const kcm = db.select({ id: competencies.id }).from(competencies).where(isNull(competencies.mdoId)).all().map((c) => c.id);

  const insertNode = sqlite.prepare("insert into nodes (id, framework_id, kind, name, description, sort_order, x, y) values (?, ?, ?, ?, ?, ?, ?, ?)");
  const insertLink = sqlite.prepare(
    "insert into links (id, framework_id, kind, from_id, to_node_id, to_competency_id, level, sort_order) values (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertPos = sqlite.prepare("insert into competency_positions (framework_id, competency_id, x, y) values (?, ?, ?, ?)");
  const counts = { nodes: 0, links: 0, competencies: new Set<string>() };
  const at = (col: number, row: number) => (o.withPositions ? [col * 310, row * 90] : [null, null]);
  const rows = [0, 0, 0];
  const node = (kind: string, name: string, col: number, order: number) => {
    const id = crypto.randomUUID();
    insertNode.run(id, frameworkId, kind, name, `${name}: generated for measurement.`, order, ...at(col, rows[col]++));
    counts.nodes++;
    return id;
  };
  const link = (kind: string, from: string, to: string, competency: boolean, order: number, level: number | null) => {
    insertLink.run(crypto.randomUUID(), frameworkId, kind, from, competency ? null : to, competency ? to : null, level, order);
    counts.links++;
  };
  sqlite.transaction(() => {
    for (let p = 0; p < o.positions; p++) {
      const pid = node("position", `Position ${p + 1} (पद ${p + 1})`, 0, p);
      for (let r = 0; r < o.rolesPer; r++) {
        const rid = node("role", `Role ${p + 1}.${r + 1}`, 1, r);
        link("position_role", pid, rid, false, r, null);
        for (let a = 0; a < o.activitiesPer; a++) {
          const aid = node("activity", `Activity ${p + 1}.${r + 1}.${a + 1}`, 2, a);
          link("role_activity", rid, aid, false, a, null);
          for (let c = 0; c < o.competenciesPer; c++) {
            const cid = kcm[(p * 7 + r * 5 + a * 3 + c * 11) % kcm.length];
            if (!counts.competencies.has(cid)) {
              counts.competencies.add(cid);
              if (o.withPositions) insertPos.run(frameworkId, cid, 3 * 310, counts.competencies.size * 90);
            }
            link("activity_competency", aid, cid, true, c, 1 + ((a + c) % 5));
          }
        }
      }
    }
  })();
  return { frameworkId, mdoId, nodes: counts.nodes + counts.competencies.size, links: counts.links };
}
