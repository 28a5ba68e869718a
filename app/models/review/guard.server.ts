/**
 * What every review step checks before it writes: who is acting (roles, ministry), which
 * framework, and separation of duties. Refusals (refusal.server.ts) are thrown inside the
 * transaction, so a refused step writes nothing.
 */
import { and, desc, eq, gte, inArray, max, sql } from "drizzle-orm";
import { auditLog, frameworks, mdos, memberships, users, versions } from "@db/schema";
import type { MembershipRole } from "@schemas/roles";
import type { ReviewRoles } from "@schemas/review-steps";
import type { Tx } from "@db/client";
import { refusalText, type RefusalParam, type RefusalText } from "~/i18n/refusal-text";
import { inEnglish, refuse } from "../refusal.server";

export type Actor = { id: string; name: string; email: string; roles: { role: MembershipRole; mdoId: string | null }[] };

/** The acting user with their memberships; an unknown or disabled account may do nothing (403). */
export function loadActor(tx: Tx, userId: string): Actor {
  const user = tx.select().from(users).where(eq(users.id, userId)).get();
  if (!user || user.disabled) refuse(403, refusalText("review.accountCannotReview"));
  const roles = tx.select({ role: memberships.role, mdoId: memberships.mdoId }).from(memberships).where(eq(memberships.userId, userId)).all();
  return { id: user.id, name: user.name, email: user.email, roles };
}

/** True when the actor holds this CBC role (it acts on every ministry). */
export const hasCbc = (actor: Actor, role: MembershipRole) => actor.roles.some((r) => r.role === role && r.mdoId === null);
/** True when the actor is an author of this ministry. */
export const isAuthorOf = (actor: Actor, mdoId: string) => actor.roles.some((r) => r.role === "author" && r.mdoId === mdoId);

/** The actor's roles as the review-step table (schemas/review-steps.ts) reads them. */
export const reviewRolesOf = (actor: Actor, mdoId: string): ReviewRoles => ({
  author: isAuthorOf(actor, mdoId),
  reviewer: hasCbc(actor, "reviewer"),
  board: hasCbc(actor, "board"),
});
/** True when the actor may read this ministry's draft: its members and the CBC. */
export const canSee = (actor: Actor, mdoId: string) => actor.roles.some((r) => r.mdoId === null || r.mdoId === mdoId);

export type FrameworkRow = typeof frameworks.$inferSelect;
export type Target = { mdo: { id: string; code: string; name: string }; fw: FrameworkRow };

/** The active ministry and its framework, if the actor may see it; otherwise 404 (ids of other ministries do not leak). */
export function loadTarget(tx: Tx, actor: Actor, mdoId: string): Target {
  const mdo = tx.select().from(mdos).where(eq(mdos.id, mdoId)).get();
  const fw = tx.select().from(frameworks).where(eq(frameworks.mdoId, mdoId)).get();
  if (!mdo || !mdo.active || !mdo.code || !fw || !canSee(actor, mdoId)) {
    refuse(404, refusalText("review.noFramework"));
  }
  return { mdo: { id: mdo.id, code: mdo.code, name: mdo.name }, fw };
}

/** The latest published version of a ministry (number and when), or null. */
export function latestVersion(tx: Pick<Tx, "select">, mdoId: string): { number: number; publishedAt: string } | null {
  return (
    tx
      .select({ number: versions.number, publishedAt: versions.publishedAt })
      .from(versions)
      .where(eq(versions.mdoId, mdoId))
      .orderBy(desc(versions.number))
      .limit(1)
      .get() ?? null
  );
}

/** The next version number of a ministry: 1, 2, 3, … */
export function nextVersionNumber(tx: Pick<Tx, "select">, mdoId: string): number {
  const row = tx.select({ top: max(versions.number) }).from(versions).where(eq(versions.mdoId, mdoId)).get();
  return (row?.top ?? 0) + 1;
}

// Audit entities that are framework content: an edit to one of them makes the editor an author of the draft.
export const CONTENT_ENTITIES = ["node", "link", "competency", "import"] as const;

export type Editor = { userId: string; name: string; edits: number; lastEditAt: string };

/** Everyone who changed the ministry's framework content since its last publication (ever, before the first). */
export function editorsSince(tx: Pick<Tx, "select">, mdoId: string): Editor[] {
  const since = latestVersion(tx, mdoId)?.publishedAt;
  return tx
    .select({
      userId: sql<string>`${auditLog.userId}`,
      name: sql<string>`coalesce(${users.name}, ${auditLog.userId})`,
      edits: sql<number>`count(*)`,
      lastEditAt: sql<string>`max(${auditLog.at})`,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(
      and(
        eq(auditLog.mdoId, mdoId),
        inArray(auditLog.entity, [...CONTENT_ENTITIES]),
        sql`${auditLog.userId} is not null`,
        since ? gte(auditLog.at, since) : undefined,
      ),
    )
    .groupBy(auditLog.userId)
    .orderBy(desc(sql`max(${auditLog.at})`))
    .all();
}

/** Refuses a reviewer who edited or submitted the framework under review: nobody reviews their own work. */
export function ensureNotOwnWork(tx: Tx, actor: Actor, target: Target): void {
  const mine = editorsSince(tx, target.mdo.id).find((e) => e.userId === actor.id);
  if (mine) {
    const version = latestVersion(tx, target.mdo.id);
    const since = version ? refusalText("review.sinceVersion", { number: version.number }) : refusalText("review.beforeFirstPublication");
    refuse(403, refusalText("review.ownEdits", { since, when: { when: mine.lastEditAt } }));
  }
  if (target.fw.submittedBy === actor.id) {
    refuse(403, refusalText("review.ownSubmission"));
  }
}

const whenFormat = new Intl.DateTimeFormat("en-IN", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Kolkata" });

/** A timestamp as an officer reads it: "12 Mar 2025, 7:33 pm IST". */
export function formatWhen(iso: string | null | undefined): string {
  if (!iso) return "an unknown date";
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : `${whenFormat.format(at)} IST`;
}

/** A user's display name, or "someone" when the account is gone. */
export function nameOf(tx: Pick<Tx, "select">, userId: string | null): string {
  if (!userId) return "someone";
  return tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name ?? "someone";
}

/** Who holds a framework under review, and since when (the freeze itself is FROZEN_SENTENCE): "Asha Rao submitted it on …; it awaits technical review by the CBC." */
export function describeHolder(tx: Pick<Tx, "select">, fw: FrameworkRow): string {
  return inEnglish(holderText(tx, fw));
}

/** describeHolder as a refusal text, so a page can say it in its reader's language. */
export function holderText(tx: Pick<Tx, "select">, fw: FrameworkRow): RefusalText {
  const submitter = personText(tx, fw.submittedBy);
  if (fw.status === "UNVERIFIED") return refusalText("holder.unverified", { submitter, submitted: { when: fw.submittedAt } });
  if (fw.status === "VERIFIED") {
    return refusalText("holder.verified", { submitter, submitted: { when: fw.submittedAt }, verifier: personText(tx, fw.verifiedBy), verified: { when: fw.verifiedAt } });
  }
  return refusalText("holder.notUnderReview");
}

/** A user's display name as a refusal param, or "someone" (in the reader's language) when the account is gone. */
export function personText(tx: Pick<Tx, "select">, userId: string | null): RefusalParam {
  const name = userId ? tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name : undefined;
  return name ?? refusalText("someone");
}
