// The review state machine on MOHFW (no version yet): submit → verify → approve publishes 1, 2, 3;
// rejection at either level returns it to the authors; errors block submission; a submitted draft is frozen.
import crypto from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { userId } from "@db/ids";
import { auditLog, frameworks, notifications, reviewEvents, versions } from "@db/schema";
import type { EditOp } from "@schemas/edit-ops";
import { FROZEN_SENTENCE } from "@schemas/enums";
import { applyEditOps } from "~/models/draft-save/save.server";
import { frozenNotice, getReviewState, listReviewQueue, listSubmitBlockers } from "~/models/review/queries.server";
import { approveFramework, rejectFramework, submitFramework, verifyFramework } from "~/models/review/steps.server";
import { getVersion, listVersions } from "~/models/publication/versions.server";
import { listMemberships } from "~/models/access/users.server";
import { ministry, newNode, OTHER_AUTHOR, someNode, updateNode } from "../factories/edit-ops";
import { decodeNotice } from "~/models/review/notice-text.server";

const AUTHOR = userId(OTHER_AUTHOR);
const REVIEWER = userId("reviewer@frac.test");
const BOARD = userId("board@frac.test");
const mohfw = () => ministry("MOHFW");
const mdoId = () => mohfw().mdoId;
const fwRow = () => getDb().select().from(frameworks).where(eq(frameworks.id, mohfw().frameworkId)).get()!;

/** A save as the MOHFW author on the current revision. */
const edit = (changes: EditOp[]) => applyEditOps({ mdoId: mdoId(), userId: AUTHOR, baseRevision: mohfw().revision, ops: changes });
/** A harmless content change, so there is something new to review. */
const touch = () => edit([updateNode(someNode(mohfw().frameworkId, "activity").id, { description: `Revised ${crypto.randomUUID()}` })]);

const eventsOf = () => getDb().select().from(reviewEvents).where(eq(reviewEvents.frameworkId, mohfw().frameworkId)).orderBy(asc(reviewEvents.at), asc(sql`${reviewEvents}.rowid`)).all();
/** A user's notices of one kind about MOHFW (the demo history left some about CBIC). */
const noticesOf = (user: string, kind: string, mdo = mdoId()) =>
  getDb()
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, user), eq(notifications.kind, kind), eq(notifications.mdoId, mdo)))
    .all()
    // why decode: the column holds the key, params and English text; the tests read the English.
    .map((n) => ({ ...n, message: decodeNotice(n.message).text }));
const queueOf = (id: string) => listReviewQueue({ user: { id, memberships: listMemberships({ userId: id }) } });

/** Submit, verify and approve; returns the approval. */
function publish() {
  expect(submitFramework({ mdoId: mdoId(), userId: AUTHOR })).toEqual({ ok: true, status: "UNVERIFIED" });
  expect(verifyFramework({ mdoId: mdoId(), userId: REVIEWER })).toEqual({ ok: true, status: "VERIFIED" });
  const approved = approveFramework({ mdoId: mdoId(), userId: BOARD });
  if (!approved.ok) throw new Error(approved.message);
  return approved;
}

describe("the review state machine", () => {
  it("submits, verifies and approves: version 1 is published and the working copy is a draft again", () => {
    const before = mohfw().revision;
    expect(submitFramework({ mdoId: mdoId(), userId: AUTHOR })).toEqual({ ok: true, status: "UNVERIFIED" });
    expect(fwRow()).toMatchObject({ status: "UNVERIFIED", submittedBy: AUTHOR, statusReason: null, revision: before });
    expect(fwRow().submittedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(queueOf(REVIEWER).map((q) => [q.code, q.stage, q.blockedReason])).toEqual([["MOHFW", "technical", null]]);
    expect(queueOf(REVIEWER)[0]).toMatchObject({ errors: 0, submittedBy: "Meera Iyer (MoHFW HR cell)", nodeCount: 24, linkCount: 27 });
    expect(queueOf(BOARD)).toEqual([]);

    expect(verifyFramework({ mdoId: mdoId(), userId: REVIEWER })).toEqual({ ok: true, status: "VERIFIED" });
    expect(fwRow()).toMatchObject({ status: "VERIFIED", verifiedBy: REVIEWER });
    expect(queueOf(BOARD).map((q) => [q.code, q.stage])).toEqual([["MOHFW", "board"]]);
    expect(queueOf(REVIEWER)).toEqual([]);

    const approved = approveFramework({ mdoId: mdoId(), userId: BOARD });
    expect(approved).toMatchObject({ ok: true, status: "DRAFT", version: { number: 1, nodeCount: 24, linkCount: 27 } });
    expect(fwRow()).toMatchObject({ status: "DRAFT", submittedBy: null, submittedAt: null, verifiedBy: null, verifiedAt: null, statusReason: null });

    const row = getDb().select().from(versions).where(eq(versions.mdoId, mdoId())).get()!;
    expect(row).toMatchObject({ number: 1, submittedBy: AUTHOR, verifiedBy: REVIEWER, approvedBy: BOARD });
    expect(row.sha256).toBe(crypto.createHash("sha256").update(row.document).digest("hex"));
    const doc = JSON.parse(row.document);
    expect(doc).toMatchObject({ version: 1, status: "PUBLISHED", publishedAt: row.publishedAt, mdo: { code: "MOHFW" } });
    expect(row.document).toBe(JSON.stringify(doc, null, 2) + "\n");
  });

  it("records each step as a review event, an audit row on the status, and notices", () => {
    expect(eventsOf().map((e) => [e.action, e.fromStatus, e.toStatus, e.userId, e.versionNumber])).toEqual([
      ["submit", "DRAFT", "UNVERIFIED", AUTHOR, null],
      ["verify", "UNVERIFIED", "VERIFIED", REVIEWER, null],
      ["approve", "VERIFIED", "PUBLISHED", BOARD, 1],
    ]);
    const statusRows = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.mdoId, mdoId()), eq(auditLog.entity, "framework"), eq(auditLog.field, "status")))
      .orderBy(asc(auditLog.id))
      .all();
    expect(statusRows.map((a) => [a.action, a.userId, a.before, a.after])).toEqual([
      ["submit", AUTHOR, '"DRAFT"', '"UNVERIFIED"'],
      ["verify", REVIEWER, '"UNVERIFIED"', '"VERIFIED"'],
      ["approve", BOARD, '"VERIFIED"', '"DRAFT"'],
    ]);
    expect(noticesOf(REVIEWER, "submitted")[0].message).toBe(
      "Meera Iyer (MoHFW HR cell) submitted the framework of Ministry of Health and Family Welfare for technical review.",
    );
    expect(noticesOf(BOARD, "verified")).toHaveLength(1);
    expect(noticesOf(AUTHOR, "published")[0]).toMatchObject({ href: "/frameworks/MOHFW/versions/1" });
    expect(noticesOf(REVIEWER, "published")).toHaveLength(1);
    // Other ministries' authors hear nothing about MOHFW.
    expect(noticesOf(userId("author@frac.test"), "published")).toEqual([]);
    expect(noticesOf(userId("author@frac.test"), "published", ministry("CBIC").mdoId)).toHaveLength(1);
  });

  it("refuses to submit an unchanged framework: nothing to review since the last version", () => {
    expect(submitFramework({ mdoId: mdoId(), userId: AUTHOR })).toEqual({
      ok: false,
      status: 409,
      message: "Nothing has changed since version 1 was published, so there is nothing to review.",
      code: "review.nothingChanged",
      params: { number: 1 },
    });
  });

  it("sends back at technical review with a reason the authors are told, and the draft is editable again", () => {
    expect(touch().ok).toBe(true);
    expect(submitFramework({ mdoId: mdoId(), userId: AUTHOR }).ok).toBe(true);
    expect(rejectFramework({ mdoId: mdoId(), userId: REVIEWER, reason: "  Add the activities of the nursing roles.  " })).toEqual({ ok: true, status: "REJECTED" });
    expect(fwRow()).toMatchObject({ status: "REJECTED", statusReason: "Add the activities of the nursing roles." });
    expect(noticesOf(AUTHOR, "rejected")[0].message).toMatch(/sent the framework of .* back to its authors\. Reason: Add the activities of the nursing roles\.$/);
    expect(getReviewState({ mdoId: mdoId() })?.rejection).toMatchObject({ by: { id: REVIEWER }, reason: "Add the activities of the nursing roles." });
    expect(queueOf(AUTHOR).map((q) => [q.stage, q.statusReason])).toEqual([["authors", "Add the activities of the nursing roles."]]);
    expect(touch().ok).toBe(true);
  });

  it("resubmits (the reason is cleared), and the board can send it back too, telling the technical reviewer", () => {
    expect(submitFramework({ mdoId: mdoId(), userId: AUTHOR }).ok).toBe(true);
    expect(fwRow().statusReason).toBeNull();
    expect(verifyFramework({ mdoId: mdoId(), userId: REVIEWER }).ok).toBe(true);
    expect(rejectFramework({ mdoId: mdoId(), userId: BOARD, reason: "Levels of the public health roles look too low." }).ok).toBe(true);
    expect(fwRow()).toMatchObject({ status: "REJECTED", verifiedBy: null, statusReason: "Levels of the public health roles look too low." });
    expect(noticesOf(REVIEWER, "rejected")).toHaveLength(1);
    expect(eventsOf().slice(-2).map((e) => [e.action, e.fromStatus, e.toStatus, e.reason])).toEqual([
      ["verify", "UNVERIFIED", "VERIFIED", null],
      ["reject", "VERIFIED", "REJECTED", "Levels of the public health roles look too low."],
    ]);
  });

  it("publishes the next versions as 2 and 3, numbered per ministry, and node ids stay the same", () => {
    expect(publish().version.number).toBe(2);
    expect(touch().ok).toBe(true);
    expect(publish().version.number).toBe(3);
    expect(listVersions({ mdoId: mdoId() }).map((v) => [v.number, v.approverName])).toEqual([
      [3, "Bina Das (CBC review board)"],
      [2, "Bina Das (CBC review board)"],
      [1, "Bina Das (CBC review board)"],
    ]);
    const ids = (n: number) => getVersion({ mdoId: mdoId(), number: n })!.document.nodes.map((x) => x.id).sort();
    expect(ids(3)).toEqual(ids(1));
    // CBIC's own numbering is untouched: the demo history published its version 1 only.
    expect(listVersions({ mdoId: ministry("CBIC").mdoId }).map((v) => v.number)).toEqual([1]);
  });
});

describe("submission checks and the freeze", () => {
  it("refuses to submit a draft with errors, listing every blocker, and writes nothing", () => {
    const orphan = newNode("role", "Hospital administration");
    expect(edit([orphan]).ok).toBe(true);
    const events = eventsOf().length;
    const result = submitFramework({ mdoId: mdoId(), userId: AUTHOR });
    if (result.ok) throw new Error("expected a refusal");
    expect(result.status).toBe(400);
    expect(result.message).toMatch(/^This framework cannot be submitted yet: \d+ problems? needs? fixing first\. /);
    expect(result.message).toContain('Role "Hospital administration"');
    expect(result.blockers?.some((f) => f.code === "role_without_activity" && f.nodeId === orphan.id)).toBe(true);
    expect(result.blockers?.every((f) => f.severity === "error")).toBe(true);
    expect(listSubmitBlockers({ mdoId: mdoId() })).toMatchObject({ canSubmit: false, errors: result.blockers });
    expect(fwRow().status).toBe("DRAFT");
    expect(eventsOf()).toHaveLength(events);
    expect(edit([{ op: "node.delete", id: orphan.id }]).ok).toBe(true);
    expect(listSubmitBlockers({ mdoId: mdoId() })?.canSubmit).toBe(true);
  });

  it("freezes a submitted draft: an editor save is refused (409) and the hold names who submitted it", () => {
    expect(touch().ok).toBe(true);
    expect(submitFramework({ mdoId: mdoId(), userId: AUTHOR }).ok).toBe(true);
    const revision = mohfw().revision;
    expect(touch()).toEqual({ ok: false, status: 409, message: expect.stringContaining(FROZEN_SENTENCE), code: "draft.frozen", params: expect.any(Object) });
    expect((touch() as { message: string }).message).toContain("Meera Iyer (MoHFW HR cell) submitted it");
    expect(mohfw().revision).toBe(revision);
    expect(frozenNotice({ mdoId: mdoId() })).toMatch(
      /^This framework is under review and frozen until a reviewer sends it back\. Meera Iyer \(MoHFW HR cell\) submitted it on .+ IST; it awaits technical review by the CBC\./,
    );
    expect(verifyFramework({ mdoId: mdoId(), userId: REVIEWER }).ok).toBe(true);
    expect(touch()).toMatchObject({ ok: false, status: 409 });
    expect(frozenNotice({ mdoId: mdoId() })).toContain("Ravi Kumar (CBC technical review) verified it on");
    expect(rejectFramework({ mdoId: mdoId(), userId: BOARD, reason: "Not now." }).ok).toBe(true);
    expect(frozenNotice({ mdoId: mdoId() })).toBeNull();
    expect(touch().ok).toBe(true);
  });

  it("shows the state with its history, newest first", () => {
    const state = getReviewState({ mdoId: mdoId() })!;
    expect(state).toMatchObject({ status: "REJECTED", latestVersion: { number: 3 }, hold: null });
    expect(state.events[0]).toMatchObject({ action: "reject", userName: "Bina Das (CBC review board)", reason: "Not now." });
    expect(state.editors.map((e) => e.userId)).toEqual([AUTHOR]);
    expect(getReviewState({ mdoId: crypto.randomUUID() })).toBeNull();
  });
});
