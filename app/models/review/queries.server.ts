/** Reads for the review screens: the state of one framework, a reviewer's queue, what blocks a submission. */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@db/client";
import { frameworks, mdos, reviewEvents, users } from "@db/schema";
import type { MembershipRole } from "@schemas/roles";
import type { Finding } from "@schemas/findings";
import { summarizeFindings } from "@schemas/findings";
import { FROZEN_SENTENCE, isUnderReview } from "@schemas/enums";
import { validateFracDocument } from "@schemas/validator";
import { loadDraftDocument } from "../draft/document.server";
import { describeHolder, editorsSince, latestVersion, type Editor, type FrameworkRow } from "./guard.server";

/** Everyone who changed the ministry's framework since its last publication, most recent first. */
export function editorsSinceLastPublication({ mdoId }: { mdoId: string }): Editor[] {
  return editorsSince(getDb(), mdoId);
}

/**
 * Why the framework cannot be edited right now, naming who holds it ("… Asha Rao submitted it
 * on …; it awaits technical review by the CBC …"), or null when it is editable.
 */
export function frozenNotice({ mdoId }: { mdoId: string }): string | null {
  const db = getDb();
  const fw = db.select().from(frameworks).where(eq(frameworks.mdoId, mdoId)).get();
  if (!fw || !isUnderReview(fw.status)) return null;
  return `${FROZEN_SENTENCE} ${capitalise(describeHolder(db, fw))}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export type ReviewEventView = {
  action: (typeof reviewEvents.$inferSelect)["action"];
  fromStatus: string;
  toStatus: string;
  userId: string;
  userName: string | null;
  reason: string | null;
  versionNumber: number | null;
  at: string;
};

/** The review state of a ministry's framework with its review history (newest first); null when it has none. */
export function getReviewState({ mdoId }: { mdoId: string }) {
  const db = getDb();
  const fw = db.select().from(frameworks).where(eq(frameworks.mdoId, mdoId)).get();
  if (!fw) return null;
  const events: ReviewEventView[] = db
    .select({
      action: reviewEvents.action,
      fromStatus: reviewEvents.fromStatus,
      toStatus: reviewEvents.toStatus,
      userId: reviewEvents.userId,
      userName: users.name,
      reason: reviewEvents.reason,
      versionNumber: reviewEvents.versionNumber,
      at: reviewEvents.at,
    })
    .from(reviewEvents)
    .leftJoin(users, eq(users.id, reviewEvents.userId))
    .where(eq(reviewEvents.frameworkId, fw.id))
    // why rowid: steps taken within one millisecond keep the order they were written in.
    .orderBy(desc(reviewEvents.at), desc(sql`${reviewEvents}.rowid`))
    .all();
  const names = userNames([fw.submittedBy, fw.verifiedBy]);
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? null } : null);
  const rejection = fw.status === "REJECTED" ? events.find((e) => e.action === "reject") : undefined;
  return {
    frameworkId: fw.id,
    status: fw.status,
    revision: fw.revision,
    submittedBy: person(fw.submittedBy),
    submittedAt: fw.submittedAt,
    verifiedBy: person(fw.verifiedBy),
    verifiedAt: fw.verifiedAt,
    statusReason: fw.statusReason,
    rejection: rejection ? { by: person(rejection.userId), at: rejection.at, reason: rejection.reason } : null,
    hold: frozenNotice({ mdoId }),
    latestVersion: latestVersion(db, mdoId),
    editors: editorsSince(db, mdoId),
    events,
  };
}

export type ReviewState = NonNullable<ReturnType<typeof getReviewState>>;

/** What still blocks submitting the draft (errors) and what is only advised (warnings); null when there is no draft. */
export function listSubmitBlockers({ mdoId }: { mdoId: string }): { canSubmit: boolean; errors: Finding[]; warnings: Finding[] } | null {
  const doc = loadDraftDocument({ mdoId });
  if (!doc) return null;
  const findings = validateFracDocument(doc, { mode: "submit" });
  const errors = findings.filter((f) => f.severity === "error");
  return { canSubmit: errors.length === 0, errors, warnings: findings.filter((f) => f.severity === "warning") };
}

export type QueueStage = "technical" | "board" | "authors";

export type QueueItem = {
  mdoId: string;
  code: string;
  name: string;
  stage: QueueStage;
  status: FrameworkRow["status"];
  /** When it entered this stage: submitted, verified, or sent back. */
  waitingSince: string;
  submittedBy: string | null;
  verifiedBy: string | null;
  statusReason: string | null;
  latestVersion: number | null;
  nodeCount: number;
  linkCount: number;
  errors: number;
  warnings: number;
  /** Why this user may not act on it (their own work, or they verified it), else null. */
  blockedReason: string | null;
};

type QueueUser = { id: string; memberships: { role: MembershipRole; mdoId: string | null }[] };

/**
 * What waits for this user, oldest first: submitted frameworks for technical reviewers, verified
 * ones for the board, and their ministry's sent-back framework for authors. Items the user may
 * not act on (separation of duties) stay listed with the reason.
 */
export function listReviewQueue({ user }: { user: QueueUser }): QueueItem[] {
  const db = getDb();
  const has = (role: MembershipRole) => user.memberships.some((m) => m.role === role && m.mdoId === null);
  const authored = user.memberships.filter((m) => m.role === "author" && m.mdoId).map((m) => m.mdoId!);
  const wanted: FrameworkRow["status"][] = [];
  if (has("reviewer")) wanted.push("UNVERIFIED");
  if (has("board")) wanted.push("VERIFIED");
  if (authored.length > 0) wanted.push("REJECTED");
  if (wanted.length === 0) return [];

  const rows = db
    .select({ fw: frameworks, code: mdos.code, name: mdos.name })
    .from(frameworks)
    .innerJoin(mdos, eq(mdos.id, frameworks.mdoId))
    .where(and(inArray(frameworks.status, wanted), eq(mdos.active, true)))
    .orderBy(asc(frameworks.submittedAt))
    .all()
    .filter((r) => r.code && (r.fw.status !== "REJECTED" || authored.includes(r.fw.mdoId)));
  const names = userNames(rows.flatMap((r) => [r.fw.submittedBy, r.fw.verifiedBy]));

  const items = rows.map(({ fw, code, name }): QueueItem => {
    const doc = loadDraftDocument({ mdoId: fw.mdoId });
    const { errors, warnings } = doc ? summarizeFindings(validateFracDocument(doc, { mode: "submit" })) : { errors: 0, warnings: 0 };
    const stage: QueueStage = fw.status === "UNVERIFIED" ? "technical" : fw.status === "VERIFIED" ? "board" : "authors";
    return {
      mdoId: fw.mdoId,
      code: code!,
      name,
      stage,
      status: fw.status,
      waitingSince: (stage === "board" ? fw.verifiedAt : stage === "authors" ? lastRejection(fw.id) : fw.submittedAt) ?? fw.updatedAt,
      submittedBy: fw.submittedBy ? (names.get(fw.submittedBy) ?? null) : null,
      verifiedBy: fw.verifiedBy ? (names.get(fw.verifiedBy) ?? null) : null,
      statusReason: fw.statusReason,
      latestVersion: latestVersion(db, fw.mdoId)?.number ?? null,
      nodeCount: doc?.nodes.length ?? 0,
      linkCount: doc?.links.length ?? 0,
      errors,
      warnings,
      blockedReason: stage === "authors" ? null : blockedReason(user.id, fw),
    };
  });
  return items.sort((a, b) => (a.waitingSince < b.waitingSince ? -1 : a.waitingSince > b.waitingSince ? 1 : a.code.localeCompare(b.code)));
}

function blockedReason(userId: string, fw: FrameworkRow): string | null {
  if (fw.submittedBy === userId) return "You submitted it.";
  if (editorsSince(getDb(), fw.mdoId).some((e) => e.userId === userId)) return "You edited it since its last publication.";
  if (fw.status === "VERIFIED" && fw.verifiedBy === userId) return "You verified it as technical reviewer.";
  return null;
}

function lastRejection(frameworkId: string): string | null {
  const row = getDb()
    .select({ at: reviewEvents.at })
    .from(reviewEvents)
    .where(and(eq(reviewEvents.frameworkId, frameworkId), eq(reviewEvents.action, "reject")))
    .orderBy(desc(reviewEvents.at), desc(sql`${reviewEvents}.rowid`))
    .limit(1)
    .get();
  return row?.at ?? null;
}

function userNames(ids: (string | null)[]): Map<string, string> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  return new Map(getDb().select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted)).all().map((u) => [u.id, u.name]));
}
