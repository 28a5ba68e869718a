/**
 * CBIC's next version with what an ACBP's priority needs: sanctioned posts on every position
 * (10, 20, 30 … in outline order) and every other requirement rated essential, published through
 * the real review steps (author submits, reviewer verifies, board approves).
 */
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@db/client";
import { userId } from "@db/ids";
import { frameworks, links, nodes } from "@db/schema";
import type { EditOp } from "@schemas/edit-ops";
import { getMdoByCode } from "~/models/access/mdos.server";
import { applyEditOps } from "~/models/draft-save/save.server";
import { getPublishedVersionNumber } from "~/models/publication/versions.server";
import { approveFramework, submitFramework, verifyFramework } from "~/models/review/steps.server";

/** Publishes the edited CBIC draft; returns the new version's number. */
export function publishCbicWithPosts(): number {
  const mdoId = getMdoByCode({ code: "CBIC" })!.id;
  const fw = getDb().select().from(frameworks).where(eq(frameworks.mdoId, mdoId)).get()!;
  const positions = getDb().select().from(nodes).where(and(eq(nodes.frameworkId, fw.id), eq(nodes.kind, "position"))).orderBy(nodes.sortOrder).all();
  const requirements = getDb()
    .select()
    .from(links)
    .where(and(eq(links.frameworkId, fw.id), inArray(links.kind, ["role_competency", "activity_competency"])))
    .orderBy(links.id)
    .all();
  const ops: EditOp[] = [
    ...positions.map((p, i): EditOp => ({ op: "node.update", id: p.id, fields: { sanctionedPosts: 10 * (i + 1) } })),
    ...requirements.filter((_, i) => i % 2 === 0).map((l): EditOp => ({ op: "link.update", id: l.id, importance: "essential" })),
  ];
  const saved = applyEditOps({ mdoId, userId: userId("author@frac.test"), baseRevision: fw.revision, ops });
  if (!saved.ok) throw new Error(`test data: the edits were refused: ${saved.message}`);
  for (const step of [
    () => submitFramework({ mdoId, userId: userId("author@frac.test") }),
    () => verifyFramework({ mdoId, userId: userId("reviewer@frac.test") }),
    () => approveFramework({ mdoId, userId: userId("board@frac.test") }),
  ]) {
    const result = step();
    if (!result.ok) throw new Error(`test data: a review step was refused: ${result.message}`);
  }
  return getPublishedVersionNumber({ mdoId })!;
}
