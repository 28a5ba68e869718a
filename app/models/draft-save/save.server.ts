/**
 * Saving the graph editor's edit ops to a ministry's draft: every operation checked and
 * applied in order, in one transaction, with the audit rows and the revision bump; any
 * refusal writes nothing. Operations live beside it (nodes, links, competency).
 */
import { eq } from "drizzle-orm";
import { getDb } from "@db/client";
import { frameworks, users } from "@db/schema";
import type { EditOp } from "@schemas/edit-ops";
import { isUnderReview } from "@schemas/enums";
import { refusalText, type RefusalText } from "~/i18n/refusal-text";
import { holderText } from "../review/guard.server";
import { createCompetency } from "./competency.server";
import { lookupsFor, type Lookups, type SaveContext } from "./context.server";
import type { Tx } from "@db/client";
import { Refusal, refuse, refusedOf, type Refused } from "../refusal.server";
import { createLink, deleteLink, updateLink } from "./links.server";
import { createNode, deleteNode, moveNode, updateNode } from "./nodes.server";

export type ApplyInput = { mdoId: string; userId: string; baseRevision: number; ops: EditOp[] };

export type ApplyResult =
  | { ok: true; revision: number; applied: number }
  | Refused;


/** Applies one editor save to the MDO's draft, all or nothing; a refusal says which op and why. */
export function applyEditOps(input: ApplyInput): ApplyResult {
  try {
    // why immediate: the revision check and the writes must see one state, even with a CLI writing too.
    const db = getDb();
    const q = lookupsFor(db);
    return db.transaction((tx) => applyInTx(tx, q, input), { behavior: "immediate" });
  } catch (error) {
    return refusedOf(error);
  }
}

function applyInTx(tx: Tx, q: Lookups, { mdoId, userId, baseRevision, ops }: ApplyInput): ApplyResult {
  const fw = tx.select().from(frameworks).where(eq(frameworks.mdoId, mdoId)).get();
  if (!fw) refuse(409, refusalText("draft.noFramework"));
  // why name the holder: the author must know whom to ask, not only that the draft is frozen.
  if (isUnderReview(fw.status)) refuse(409, refusalText("draft.frozen", { frozen: refusalText("frozen"), holder: holderText(tx, fw) }));
  if (baseRevision !== fw.revision) {
    refuse(409, staleMessage(tx, fw, userId, baseRevision), { currentRevision: fw.revision });
  }
  if (ops.length === 0) refuse(400, refusalText("draft.noChanges"));

  const ctx: SaveContext = {
    tx,
    q,
    mdoId,
    userId,
    frameworkId: fw.id,
    now: new Date().toISOString(),
    nextNodeOrder: new Map(),
    nextLinkOrder: new Map(),
    scales: new Map(),
  };
  ops.forEach((op, index) => {
    try {
      applyOp(ctx, op);
    } catch (error) {
      if (error instanceof Refusal) error.details.opIndex ??= index;
      throw error;
    }
  });

  const revision = fw.revision + 1;
  tx.update(frameworks).set({ revision, updatedAt: ctx.now, updatedBy: userId }).where(eq(frameworks.id, fw.id)).run();
  return { ok: true, revision, applied: ops.length };
}

function applyOp(ctx: SaveContext, op: EditOp): void {
  switch (op.op) {
    case "node.create":
      return createNode(ctx, op);
    case "node.update":
      return updateNode(ctx, op);
    case "node.move":
      return moveNode(ctx, op);
    case "node.delete":
      return deleteNode(ctx, op);
    case "link.create":
      return createLink(ctx, op);
    case "link.update":
      return updateLink(ctx, op);
    case "link.delete":
      return deleteLink(ctx, op);
    case "competency.create":
      return createCompetency(ctx, op);
  }
}

/** Who saved since the editor loaded, and when, so the author knows what reloading will show. */
function staleMessage(tx: Tx, fw: typeof frameworks.$inferSelect, userId: string, baseRevision: number): RefusalText {
  const revisions = { when: { when: fw.updatedAt }, base: baseRevision, current: fw.revision };
  if (fw.updatedBy === userId) return refusalText("draft.staleSelf", revisions);
  const saver = fw.updatedBy ? tx.select({ name: users.name }).from(users).where(eq(users.id, fw.updatedBy)).get() : undefined;
  return refusalText("draft.staleOther", { who: saver?.name ?? refusalText("someoneElse"), ...revisions });
}
