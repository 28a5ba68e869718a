/**
 * The review lifecycle of a ministry's framework, one function per step:
 * DRAFT/REJECTED → submit → UNVERIFIED → verify → VERIFIED → approve → version N published,
 * and the working copy is DRAFT again; reject sends UNVERIFIED or VERIFIED back as REJECTED.
 * Each step is one immediate transaction: the state change, a review event, an audit row and
 * the notices; a refusal writes nothing. Reads for review screens are in queries.server.ts.
 */
import crypto from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@db/client";
import { durably } from "@db/durable";
import { frameworks, reviewEvents, type WORKING_COPY_STATUSES } from "@db/schema";
import { diffDocuments } from "@schemas/diff";
import { LIMITS } from "@schemas/limits";
import { isUnderReview } from "@schemas/enums";
import { mayTakeStep, takesStep } from "@schemas/review-steps";
import { validateFracDocument } from "@schemas/validator";
import { refusalText, type RefusalText } from "~/i18n/refusal-text";
import { audit } from "../audit/write.server";
import type { Tx } from "@db/client";
import { loadDraftDocument } from "../draft/document.server";
import { deliverByEmail, notify, usersWithRole, type Notice } from "./notices.server";
import { publishVersion } from "../publication/publish.server";
import { scheduleStaticCopy } from "../publication/static-copy.server";
import {
  ensureNotOwnWork,
  holderText,
  latestVersion,
  loadActor,
  loadTarget,
  personText,
  reviewRolesOf,
  type Actor,
  type Target,
} from "./guard.server";
import { refuse, refusedOf, type Refused } from "../refusal.server";
import { getLatestVersion } from "../publication/versions.server";


type Status = (typeof WORKING_COPY_STATUSES)[number];
export type StepResult<S extends Status> = { ok: true; status: S } | Refused;
export type ApproveResult =
  | { ok: true; status: "DRAFT"; version: { number: number; sha256: string; publishedAt: string; nodeCount: number; linkCount: number } }
  | Refused;

/** The author submits the draft (DRAFT or REJECTED) for technical review; refused with the blocking findings if it has errors. */
export function submitFramework({ mdoId, userId }: { mdoId: string; userId: string }): StepResult<"UNVERIFIED"> {
  return step(userId, mdoId, (tx, actor, target) => {
    const { fw } = target;
    if (!takesStep("submit", reviewRolesOf(actor, mdoId))) refuse(403, refusalText("review.onlyAuthorsSubmit"));
    if (isUnderReview(fw.status)) refuse(409, refusalText("review.alreadyUnderReview", { holder: holderText(tx, fw) }));

    const doc = loadDraftDocument({ mdoId })!;
    const blockers = validateFracDocument(doc, { mode: "submit" }).filter((f) => f.severity === "error");
    if (blockers.length > 0) {
      const shown = blockers.slice(0, 3).map((f) => f.message);
      const more = blockers.length > 3 ? refusalText("review.andMore", { n: blockers.length - 3 }) : "";
      // why the findings stay English inside the sentence: a page lists the blockers in its own language beside it.
      refuse(400, refusalText("review.cannotSubmit", { count: blockers.length, shown: shown.join(" "), more }), { blockers });
    }
    const published = getLatestVersion({ mdoId });
    if (published && diffDocuments(published.document, doc).summary.identical) {
      refuse(409, refusalText("review.nothingChanged", { number: published.number }));
    }

    const now = new Date().toISOString();
    tx.update(frameworks)
      .set({ status: "UNVERIFIED", submittedBy: actor.id, submittedAt: now, verifiedBy: null, verifiedAt: null, statusReason: null })
      .where(eq(frameworks.id, fw.id))
      .run();
    record(tx, { actor, target, action: "submit", to: "UNVERIFIED", at: now });
    const reviewers = usersWithRole(tx, "reviewer").filter((id) => id !== actor.id);
    const notices = notify(tx, {
      userIds: reviewers,
      mdoId,
      kind: "submitted",
      key: "submitted",
      params: { actor: actor.name, mdo: target.mdo.name },
      href: `/frameworks/${target.mdo.code}/review`,
    });
    return { result: { ok: true as const, status: "UNVERIFIED" as const }, notices };
  });
}

/** A CBC technical reviewer verifies a submitted framework (UNVERIFIED → VERIFIED); it then awaits the board. */
export function verifyFramework({ mdoId, userId }: { mdoId: string; userId: string }): StepResult<"VERIFIED"> {
  return step(userId, mdoId, (tx, actor, target) => {
    const { fw } = target;
    if (!takesStep("verify", reviewRolesOf(actor, mdoId))) refuse(403, refusalText("review.onlyTechnicalVerifies"));
    if (fw.status === "DRAFT") refuse(409, refusalText("review.nothingToVerify", { why: notUnderReview(tx, target) }));
    if (fw.status === "REJECTED") refuse(409, refusalText("review.nothingToVerify", { why: sentBack(tx, target) }));
    if (fw.status === "VERIFIED") refuse(409, refusalText("review.alreadyVerified", { holder: holderText(tx, fw) }));
    ensureNotOwnWork(tx, actor, target);

    const now = new Date().toISOString();
    tx.update(frameworks).set({ status: "VERIFIED", verifiedBy: actor.id, verifiedAt: now }).where(eq(frameworks.id, fw.id)).run();
    record(tx, { actor, target, action: "verify", to: "VERIFIED", at: now });
    const notices = notify(tx, {
      userIds: usersWithRole(tx, "board").filter((id) => id !== actor.id),
      mdoId,
      kind: "verified",
      key: "verified",
      params: { actor: actor.name, mdo: target.mdo.name },
      href: `/frameworks/${target.mdo.code}/review`,
    });
    return { result: { ok: true as const, status: "VERIFIED" as const }, notices };
  });
}

/** Sends a framework under review back to its authors with a reason: a technical reviewer at UNVERIFIED, the board at VERIFIED. */
export function rejectFramework({ mdoId, userId, reason }: { mdoId: string; userId: string; reason: string }): StepResult<"REJECTED"> {
  return step(userId, mdoId, (tx, actor, target) => {
    const { fw } = target;
    const roles = reviewRolesOf(actor, mdoId);
    if (!takesStep("reject", roles)) refuse(403, refusalText("review.onlyReviewersSendBack"));
    if (fw.status === "DRAFT") refuse(409, refusalText("review.nothingToSendBack", { why: notUnderReview(tx, target) }));
    if (fw.status === "REJECTED") refuse(409, refusalText("review.alreadyWithAuthors", { why: sentBack(tx, target) }));
    if (!mayTakeStep("reject", fw.status, roles)) {
      refuse(
        403,
        fw.status === "UNVERIFIED"
          ? refusalText("review.onlyTechnicalSendsBack")
          : refusalText("review.onlyBoardSendsBack"),
      );
    }
    ensureNotOwnWork(tx, actor, target);
    const text = reason.trim();
    if (text === "") refuse(400, refusalText("review.reasonNeeded"));
    if (text.length > LIMITS.COMMENT_MAX) refuse(400, refusalText("review.reasonTooLong", { length: text.length, max: LIMITS.COMMENT_MAX }));

    const now = new Date().toISOString();
    tx.update(frameworks)
      .set({ status: "REJECTED", statusReason: text, verifiedBy: null, verifiedAt: null })
      .where(eq(frameworks.id, fw.id))
      .run();
    record(tx, { actor, target, action: "reject", to: "REJECTED", at: now, reason: text });
    // The technical reviewer who let it through hears about a board rejection too.
    const recipients = [...usersWithRole(tx, "author", mdoId), ...(fw.verifiedBy ? [fw.verifiedBy] : [])].filter((id) => id !== actor.id);
    const notices = notify(tx, {
      userIds: recipients,
      mdoId,
      kind: "rejected",
      key: "rejected",
      params: { actor: actor.name, mdo: target.mdo.name, reason: text },
      href: `/frameworks/${target.mdo.code}`,
    });
    return { result: { ok: true as const, status: "REJECTED" as const }, notices };
  });
}

/** The review board approves a verified framework: it is published as the next version and the working copy is DRAFT again. */
export function approveFramework({ mdoId, userId }: { mdoId: string; userId: string }): ApproveResult {
  const outcome = approveStep({ mdoId, userId });
  if (outcome.ok) void scheduleStaticCopy();
  return outcome;
}

function approveStep({ mdoId, userId }: { mdoId: string; userId: string }): ApproveResult {
  return step(userId, mdoId, (tx, actor, target) => {
    const { fw } = target;
    if (!takesStep("approve", reviewRolesOf(actor, mdoId))) refuse(403, refusalText("review.onlyBoardApproves"));
    if (fw.status === "DRAFT") refuse(409, refusalText("review.nothingToApprove", { why: notUnderReview(tx, target) }));
    if (fw.status === "REJECTED") refuse(409, refusalText("review.nothingToApprove", { why: sentBack(tx, target) }));
    if (fw.status === "UNVERIFIED") {
      refuse(409, refusalText("review.notVerifiedYet"));
    }
    ensureNotOwnWork(tx, actor, target);
    if (fw.verifiedBy === actor.id) {
      refuse(403, refusalText("review.ownVerification"));
    }

    const now = new Date().toISOString();
    const version = publishVersion(tx, { target, actor, publishedAt: now });
    tx.update(frameworks)
      .set({ status: "DRAFT", submittedBy: null, submittedAt: null, verifiedBy: null, verifiedAt: null, statusReason: null })
      .where(eq(frameworks.id, fw.id))
      .run();
    record(tx, { actor, target, action: "approve", to: "DRAFT", at: now, versionNumber: version.number });
    audit(tx, { userId: actor.id, mdoId, entity: "version", entityId: version.id, action: "publish", after: { number: version.number, sha256: version.sha256 } });
    const recipients = [...usersWithRole(tx, "author", mdoId), fw.submittedBy, fw.verifiedBy].filter((id): id is string => !!id && id !== actor.id);
    const notices = notify(tx, {
      userIds: recipients,
      mdoId,
      kind: "published",
      key: "published",
      params: { actor: actor.name, mdo: target.mdo.name, version: version.number },
      href: `/frameworks/${target.mdo.code}/versions/${version.number}`,
    });
    const { id: _id, ...published } = version;
    return { result: { ok: true as const, status: "DRAFT" as const, version: published }, notices };
  });
}

// ---- shared by the steps ------------------------------------------------------------------

type StepWork<R> = (tx: Tx, actor: Actor, target: Target) => { result: R; notices: Notice[] };

/** One step in one immediate transaction; e-mails go out only after it commits. */
function step<R>(userId: string, mdoId: string, work: StepWork<R>): R | Refused {
  try {
    // why immediate: the state read and the writes must see one state, even with a second reviewer acting at once.
    // why durably: an approval publishes a version and every step may be e-mailed; both must survive a power cut once told.
    const { result, notices } = durably(() =>
      getDb().transaction(
        (tx) => {
          const actor = loadActor(tx, userId);
          return work(tx, actor, loadTarget(tx, actor, mdoId));
        },
        { behavior: "immediate" },
      ),
    );
    deliverByEmail(notices);
    return result;
  } catch (error) {
    return refusedOf(error);
  }
}

type Transition = { actor: Actor; target: Target; action: (typeof reviewEvents.$inferInsert)["action"]; to: Status; at: string; reason?: string; versionNumber?: number };

/** The review event and the audit row of a state change. */
function record(tx: Tx, { actor, target, action, to, at, reason, versionNumber }: Transition): void {
  const from = target.fw.status;
  tx.insert(reviewEvents)
    .values({
      id: crypto.randomUUID(),
      frameworkId: target.fw.id,
      action,
      fromStatus: from,
      // why PUBLISHED: the approval's outcome is a version; the working copy itself returns to DRAFT (the audit row says so).
      toStatus: action === "approve" ? "PUBLISHED" : to,
      userId: actor.id,
      reason: reason ?? null,
      versionNumber: versionNumber ?? null,
      at,
    })
    .run();
  audit(tx, { userId: actor.id, mdoId: target.mdo.id, entity: "framework", entityId: target.fw.id, action, before: from, after: to, field: "status" });
}

function notUnderReview(tx: Pick<Tx, "select">, target: Target): RefusalText {
  const version = latestVersion(tx, target.mdo.id);
  const published = version ? refusalText("review.publishedIsFinal", { number: version.number, when: { when: version.publishedAt } }) : "";
  return refusalText("review.draftNotSubmitted", { published });
}

function sentBack(tx: Pick<Tx, "select">, target: Target): RefusalText {
  const event = tx
    .select({ userId: reviewEvents.userId, at: reviewEvents.at })
    .from(reviewEvents)
    .where(and(eq(reviewEvents.frameworkId, target.fw.id), eq(reviewEvents.action, "reject")))
    .orderBy(desc(reviewEvents.at), desc(sql`${reviewEvents}.rowid`))
    .limit(1)
    .get();
  const by = event ? refusalText("review.sentBackBy", { person: personText(tx, event.userId), when: { when: event.at } }) : "";
  return refusalText("review.sentBack", { by });
}
