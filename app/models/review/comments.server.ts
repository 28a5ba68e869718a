/**
 * Review comments on a ministry's framework: on the whole framework, or on one node,
 * competency or link of its draft. Threads are one level deep (a reply joins its thread's
 * first comment) and are resolved as a whole. CBC reviewers, the board and the ministry's
 * authors take part; other readers see them.
 */
import crypto from "node:crypto";
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { getDb } from "@db/client";
import { durably } from "@db/durable";
import { comments, competencies, frameworks, links, nodes, users } from "@db/schema";
import { LIMITS } from "@schemas/limits";
import type { Tx } from "@db/client";
import { deliverByEmail, notify, usersWithRole, type Notice } from "./notices.server";
import { refusalText } from "~/i18n/refusal-text";
import { refuse, refusedOf, type Refused } from "../refusal.server";
import { mayComment } from "@schemas/review-steps";
import { loadActor, loadTarget, reviewRolesOf, type Actor, type Target } from "./guard.server";
import { nodeAndCompetencyNames } from "../draft/names.server";

type CommentRow = typeof comments.$inferSelect;
type TargetKind = CommentRow["targetKind"];

export type CommentView = {
  id: string;
  parentId: string | null;
  targetId: string | null;
  targetKind: TargetKind;
  /** What the comment points at as it is named in the draft now; null for the whole framework or a target since deleted. */
  targetName: string | null;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedByName: string | null;
};
export type CommentThread = CommentView & { replies: CommentView[] };

const mayCommentOn = (actor: Actor, mdoId: string) => mayComment(reviewRolesOf(actor, mdoId));

/** Adds a comment (or a reply, with `parentId`) to a ministry's framework; `targetId` points it at a node, competency or link of the draft. */
export function addComment(input: { mdoId: string; userId: string; targetId?: string | null; body: string; parentId?: string | null }):
  | { ok: true; comment: { id: string; threadId: string; targetId: string | null; targetKind: TargetKind } }
  | Refused {
  try {
    // why durably: the notices of a comment may be e-mailed as soon as it commits.
    const { result, notices } = durably(() => getDb().transaction((tx) => addInTx(tx, input), { behavior: "immediate" }));
    deliverByEmail(notices);
    return result;
  } catch (error) {
    return refusedOf(error);
  }
}

function addInTx(tx: Tx, { mdoId, userId, targetId, body, parentId }: Parameters<typeof addComment>[0]) {
  const actor = loadActor(tx, userId);
  const target = loadTarget(tx, actor, mdoId);
  if (!mayCommentOn(actor, mdoId)) refuse(403, refusalText("comment.notAllowed"));
  const text = body.trim();
  if (text === "") refuse(400, refusalText("comment.empty"));
  if (text.length > LIMITS.COMMENT_MAX) refuse(400, refusalText("comment.tooLong", { length: text.length, max: LIMITS.COMMENT_MAX }));

  let root: CommentRow | undefined;
  if (parentId) {
    const parent = tx.select().from(comments).where(eq(comments.id, parentId)).get();
    if (!parent || parent.frameworkId !== target.fw.id) refuse(400, refusalText("comment.parentElsewhere"));
    root = parent.parentId ? tx.select().from(comments).where(eq(comments.id, parent.parentId)).get() : parent;
    if (targetId && targetId !== root?.targetId) refuse(400, refusalText("comment.replyTarget"));
  }
  const kind: TargetKind = root ? root.targetKind : targetId ? resolveTargetKind(tx, target, targetId) : "framework";
  const row = {
    id: crypto.randomUUID(),
    frameworkId: target.fw.id,
    targetId: root ? root.targetId : (targetId ?? null),
    targetKind: kind,
    parentId: root?.id ?? null,
    authorId: actor.id,
    body: text,
    createdAt: new Date().toISOString(),
  };
  tx.insert(comments).values(row).run();

  const notices = notifyComment(tx, { actor, target, root, text, threadId: root?.id ?? row.id });
  return { result: { ok: true as const, comment: { id: row.id, threadId: root?.id ?? row.id, targetId: row.targetId, targetKind: kind } }, notices };
}

/** node for a node or competency in the draft, link for a link of it; anything else is refused (400). */
function resolveTargetKind(tx: Tx, target: Target, targetId: string): TargetKind {
  const frameworkId = target.fw.id;
  if (tx.select({ id: nodes.id }).from(nodes).where(and(eq(nodes.id, targetId), eq(nodes.frameworkId, frameworkId))).get()) return "node";
  if (tx.select({ id: links.id }).from(links).where(and(eq(links.id, targetId), eq(links.frameworkId, frameworkId))).get()) return "link";
  const required = tx
    .select({ id: links.id })
    .from(links)
    .where(and(eq(links.toCompetencyId, targetId), eq(links.frameworkId, frameworkId)))
    .limit(1)
    .get();
  if (required) return "node";
  return refuse(400, refusalText("comment.targetMissing"));
}

/** A new thread tells the ministry's authors; a reply tells the others in the thread. */
function notifyComment(tx: Tx, { actor, target, root, text, threadId }: { actor: Actor; target: Target; root?: CommentRow; text: string; threadId: string }): Notice[] {
  const recipients = root
    ? tx
        .select({ id: comments.authorId })
        .from(comments)
        .where(or(eq(comments.id, root.id), eq(comments.parentId, root.id)))
        .all()
        .map((r) => r.id)
    : usersWithRole(tx, "author", target.mdo.id);
  const excerpt = text.length > 140 ? `${text.slice(0, 139)}…` : text;
  return notify(tx, {
    userIds: recipients.filter((id) => id !== actor.id),
    mdoId: target.mdo.id,
    kind: "comment",
    key: root ? "reply" : "comment",
    params: { actor: actor.name, mdo: target.mdo.name, excerpt },
    href: `/frameworks/${target.mdo.code}/review#comment-${threadId}`,
  });
}

/** The framework's comments as threads (oldest first, replies in order), optionally only those on one target. */
export function listComments({ mdoId, targetId }: { mdoId: string; targetId?: string }): CommentThread[] {
  const db = getDb();
  const fw = db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.mdoId, mdoId)).get();
  if (!fw) return [];
  const rows = db
    .select({ c: comments, authorName: users.name })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.frameworkId, fw.id))
    // why rowid: comments posted within one millisecond keep the order they were written in.
    .orderBy(asc(comments.createdAt), asc(sql`${comments}.rowid`))
    .all();
  const resolverNames = namesOf(rows.map((r) => r.c.resolvedBy));
  const targetNames = namesOfTargets(rows.map((r) => r.c.targetId));
  const view = ({ c, authorName }: (typeof rows)[number]): CommentView => ({
    id: c.id,
    parentId: c.parentId,
    targetId: c.targetId,
    targetKind: c.targetKind,
    targetName: c.targetId ? (targetNames.get(c.targetId) ?? null) : null,
    authorId: c.authorId,
    authorName,
    body: c.body,
    createdAt: c.createdAt,
    resolvedAt: c.resolvedAt,
    resolvedByName: c.resolvedBy ? (resolverNames.get(c.resolvedBy) ?? null) : null,
  });
  const threads = new Map<string, CommentThread>();
  for (const row of rows) if (!row.c.parentId) threads.set(row.c.id, { ...view(row), replies: [] });
  for (const row of rows) if (row.c.parentId) threads.get(row.c.parentId)?.replies.push(view(row));
  return [...threads.values()].filter((t) => targetId === undefined || t.targetId === targetId);
}

/** Resolves the thread a comment belongs to; its writer, the ministry's authors and CBC reviewers or board may. */
export function resolveComment({ commentId, userId }: { commentId: string; userId: string }): { ok: true; threadId: string } | Refused {
  return setResolved(commentId, userId, true);
}

/** Reopens a resolved thread (same people as resolveComment). */
export function reopenComment({ commentId, userId }: { commentId: string; userId: string }): { ok: true; threadId: string } | Refused {
  return setResolved(commentId, userId, false);
}

function setResolved(commentId: string, userId: string, resolved: boolean): { ok: true; threadId: string } | Refused {
  try {
    return getDb().transaction((tx) => {
      const actor = loadActor(tx, userId);
      const found = tx.select().from(comments).where(eq(comments.id, commentId)).get();
      const root = found?.parentId ? tx.select().from(comments).where(eq(comments.id, found.parentId)).get() : found;
      const mdoId = root ? mdoOfFramework(tx, root.frameworkId) : null;
      if (!root || !mdoId) return refuse(404, refusalText("comment.missing"));
      loadTarget(tx, actor, mdoId);
      if (root.authorId !== actor.id && !mayCommentOn(actor, mdoId)) {
        refuse(403, refusalText("comment.resolveNotAllowed"));
      }
      if (resolved && root.resolvedAt) refuse(409, refusalText("comment.alreadyResolved"));
      if (!resolved && !root.resolvedAt) refuse(409, refusalText("comment.alreadyOpen"));
      tx.update(comments)
        .set(resolved ? { resolvedAt: new Date().toISOString(), resolvedBy: actor.id } : { resolvedAt: null, resolvedBy: null })
        .where(eq(comments.id, root.id))
        .run();
      return { ok: true as const, threadId: root.id };
    });
  } catch (error) {
    return refusedOf(error);
  }
}

// ---- lookups ---------------------------------------------------------------------------------



function mdoOfFramework(tx: Tx, frameworkId: string): string | null {
  return tx.select({ mdoId: frameworks.mdoId }).from(frameworks).where(eq(frameworks.id, frameworkId)).get()?.mdoId ?? null;
}

function namesOf(ids: (string | null)[]): Map<string, string> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  return new Map(getDb().select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted)).all().map((u) => [u.id, u.name]));
}

/** Current names of comment targets: nodes and competencies by name, links as "From → To". */
function namesOfTargets(ids: (string | null)[]): Map<string, string> {
  const { wanted, names: out } = nodeAndCompetencyNames(ids);
  if (wanted.length === 0) return out;
  const db = getDb();
  const linkRows = db.select().from(links).where(inArray(links.id, wanted)).all();
  const ends = [...new Set(linkRows.flatMap((l) => [l.fromId, (l.toNodeId ?? l.toCompetencyId)!]))];
  const endNames = new Map<string, string>();
  if (ends.length > 0) {
    for (const n of db.select({ id: nodes.id, name: nodes.name }).from(nodes).where(inArray(nodes.id, ends)).all()) endNames.set(n.id, n.name);
    for (const c of db.select({ id: competencies.id, name: competencies.name }).from(competencies).where(inArray(competencies.id, ends)).all()) endNames.set(c.id, c.name);
  }
  for (const l of linkRows) out.set(l.id, `${endNames.get(l.fromId) ?? "?"} → ${endNames.get((l.toNodeId ?? l.toCompetencyId)!) ?? "?"}`);
  return out;
}
