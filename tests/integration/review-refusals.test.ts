// Review steps that are refused: out of order (409), wrong role (403), another ministry (404),
// own work and board = technical reviewer (403), bad reasons (400). Each writes nothing.
import crypto from "node:crypto";
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { userId } from "@db/ids";
import { auditLog, frameworks, notifications, reviewEvents, versions } from "@db/schema";
import { LIMITS } from "@schemas/limits";
import { applyEditOps } from "~/models/draft-save/save.server";
import type { Refused } from "~/models/refusal.server";
import { editorsSinceLastPublication, listReviewQueue } from "~/models/review/queries.server";
import { approveFramework, rejectFramework, submitFramework, verifyFramework } from "~/models/review/steps.server";
import { createUserWithRole, listMemberships } from "~/models/access/users.server";
import { ministry, someNode, updateNode } from "../factories/edit-ops";

const [AUTHOR, VIEWER, OTHER_AUTHOR, REVIEWER, BOARD, CURATOR, ADMIN] = [
  "author",
  "viewer",
  "other-author",
  "reviewer",
  "board",
  "curator",
  "admin",
].map((name) => userId(`${name}@frac.test`));
const cbic = () => ministry("CBIC");
const mdoId = () => cbic().mdoId;
const status = () => cbic().status;

const tally = () => ({
  events: getDb().select({ n: count() }).from(reviewEvents).get()!.n,
  audit: getDb().select({ n: count() }).from(auditLog).get()!.n,
  notices: getDb().select({ n: count() }).from(notifications).get()!.n,
  versions: getDb().select({ n: count() }).from(versions).get()!.n,
  framework: getDb().select().from(frameworks).where(eq(frameworks.mdoId, mdoId())).get(),
});

/** Expects a refusal with this status (and message pattern) that changed nothing. */
function refused(run: () => { ok: boolean }, statusCode: Refused["status"], message?: RegExp): Refused {
  const before = tally();
  const result = run();
  if (result.ok) throw new Error("expected a refusal");
  const refusal = result as Refused;
  expect(refusal.status, refusal.message).toBe(statusCode);
  if (message) expect(refusal.message).toMatch(message);
  expect(tally()).toEqual(before);
  return refusal;
}

const submit = (user = AUTHOR) => () => submitFramework({ mdoId: mdoId(), userId: user });
const verify = (user = REVIEWER) => () => verifyFramework({ mdoId: mdoId(), userId: user });
const approve = (user = BOARD) => () => approveFramework({ mdoId: mdoId(), userId: user });
const reject = (user = REVIEWER, reason = "Please add levels.") => () => rejectFramework({ mdoId: mdoId(), userId: user, reason });
const touch = (user: string) =>
  applyEditOps({ mdoId: mdoId(), userId: user, baseRevision: cbic().revision, ops: [updateNode(someNode(cbic().frameworkId, "role").id, { description: `Edit ${crypto.randomUUID()}` })] });

let dualReviewer: string; // a CBIC author who is also a CBC technical reviewer
let dualBoard: string; // a CBIC author who is also on the review board
let reviewerAndBoard: string; // a CBC member holding both review levels

beforeAll(async () => {
  dualReviewer = (await createUserWithRole({ email: "dual-reviewer@frac.test", name: "Dev Reviewer", role: "author", mdoId: mdoId(), actorId: ADMIN })).userId;
  await createUserWithRole({ email: "dual-reviewer@frac.test", role: "reviewer", mdoId: null, actorId: ADMIN });
  dualBoard = (await createUserWithRole({ email: "dual-board@frac.test", name: "Dina Board", role: "author", mdoId: mdoId(), actorId: ADMIN })).userId;
  await createUserWithRole({ email: "dual-board@frac.test", role: "board", mdoId: null, actorId: ADMIN });
  reviewerAndBoard = (await createUserWithRole({ email: "both@frac.test", name: "Bhanu Both", role: "reviewer", mdoId: null, actorId: ADMIN })).userId;
  await createUserWithRole({ email: "both@frac.test", role: "board", mdoId: null, actorId: ADMIN });
});

describe("acting out of order (409)", () => {
  it("on a draft whose last version is published: nothing to verify, approve or send back", () => {
    expect(status()).toBe("DRAFT");
    refused(verify(), 409, /^There is nothing to verify: the framework is a draft that has not been submitted for review\./);
    refused(approve(), 409, /^There is nothing to approve: /);
    refused(reject(), 409, /Version 1, published on .+ IST, is final and cannot be changed or sent back; corrections go into the next draft\.$/);
    refused(reject(BOARD), 409);
  });

  it("while awaiting technical review: no second submission, no approval before verification", () => {
    expect(submit()()).toMatchObject({ ok: true });
    refused(submit(), 409, /^This framework is already under review: Asha Rao \(CBIC HR cell\) submitted it on .+; it awaits technical review by the CBC\.$/);
    refused(approve(), 409, /^This framework has not passed technical review yet/);
  });

  it("once verified: no second verification, no resubmission", () => {
    expect(verify()()).toMatchObject({ ok: true });
    refused(verify(), 409, /^This framework was already verified: .* and Ravi Kumar \(CBC technical review\) verified it on .+; it awaits approval by the review board\.$/);
    refused(submit(), 409);
  });

  it("once sent back: nothing to verify, approve or reject until the authors resubmit", () => {
    expect(reject(BOARD)()).toMatchObject({ ok: true, status: "REJECTED" });
    refused(verify(), 409, /sent back to its authors by Bina Das \(CBC review board\) on .+; it can be reviewed again once they resubmit it\.$/);
    refused(approve(), 409);
    refused(reject(), 409, /^This framework is already with its authors/);
  });
});

describe("the wrong person (403, or 404 outside the ministry)", () => {
  it("submits only as an author of the ministry", () => {
    refused(submit(VIEWER), 403, /^Only the ministry's authors can submit/);
    refused(submit(REVIEWER), 403);
    refused(submit(ADMIN), 403);
    refused(submit(OTHER_AUTHOR), 404, /^There is no framework of this ministry that you can see\.$/);
    refused(submit(crypto.randomUUID()), 403, /^Your account cannot take part in reviews/);
    expect(submit()()).toMatchObject({ ok: true });
  });

  it("verifies only as a technical reviewer, and sends back at this stage only as one", () => {
    for (const user of [AUTHOR, VIEWER, BOARD, CURATOR, ADMIN]) refused(verify(user), 403, /^Only a CBC technical reviewer can verify/);
    refused(verify(OTHER_AUTHOR), 404);
    refused(reject(BOARD), 403, /awaits technical review; at this stage only a technical reviewer can send it back\.$/);
    refused(reject(AUTHOR), 403, /^Only CBC technical reviewers and the review board can send a framework back\.$/);
    refused(reject(OTHER_AUTHOR), 404);
    expect(verify()()).toMatchObject({ ok: true });
  });

  it("approves only as the board, and sends back at this stage only as the board", () => {
    for (const user of [AUTHOR, REVIEWER, CURATOR, ADMIN]) refused(approve(user), 403, /^Only the CBC review board can approve/);
    refused(approve(OTHER_AUTHOR), 404);
    refused(reject(REVIEWER), 403, /only a board member can send it back now\.$/);
  });

  it("needs a reason to send back, within the comment limit", () => {
    refused(reject(BOARD, "   "), 400, /^Give a reason/);
    refused(reject(BOARD, "x".repeat(LIMITS.COMMENT_MAX + 1)), 400, new RegExp(`at most ${LIMITS.COMMENT_MAX.toLocaleString("en-IN")} are allowed`));
    const approved = approve()();
    expect(approved).toMatchObject({ ok: true, version: { number: 2 } });
  });
});

describe("separation of duties", () => {
  it("counts the demo author's edits after version 1 and lists who edited since the last publication", () => {
    expect(touch(AUTHOR).ok).toBe(true);
    expect(editorsSinceLastPublication({ mdoId: mdoId() }).map((e) => e.userId)).toEqual([AUTHOR]);
  });

  it("refuses a technical reviewer who edited the framework since its last publication", () => {
    expect(touch(dualReviewer).ok).toBe(true);
    expect(submit()()).toMatchObject({ ok: true });
    const queue = listReviewQueue({ user: { id: dualReviewer, memberships: listMemberships({ userId: dualReviewer }) } });
    expect(queue.find((q) => q.code === "CBIC")?.blockedReason).toBe("You edited it since its last publication.");
    refused(verify(dualReviewer), 403, /^You edited this framework since version 2 was published \(last on .+ IST\), so you cannot review it\. Another reviewer must\.$/);
    refused(reject(dualReviewer), 403, /^You edited this framework/);
  });

  it("refuses a board member who edited it, and a board member who verified this submission", () => {
    expect(verify(reviewerAndBoard)()).toMatchObject({ ok: true });
    refused(approve(reviewerAndBoard), 403, /^You verified this submission as technical reviewer, so another member of the review board must approve it\.$/);
    expect(touch(dualBoard)).toMatchObject({ ok: false, status: 409 });
    expect(approve()()).toMatchObject({ ok: true, version: { number: 3 } });
    expect(touch(dualBoard).ok).toBe(true);
    expect(submit()()).toMatchObject({ ok: true });
    expect(verify()()).toMatchObject({ ok: true });
    refused(approve(dualBoard), 403, /^You edited this framework since version 3 was published/);
  });

  it("refuses a reviewer who submitted the framework, even without editing it", () => {
    expect(reject(BOARD)()).toMatchObject({ ok: true });
    expect(submit(dualReviewer)()).toMatchObject({ ok: true });
    expect(editorsSinceLastPublication({ mdoId: mdoId() }).map((e) => e.userId)).toEqual([dualBoard]);
    refused(verify(dualReviewer), 403, /^You submitted this framework for review, so you cannot review it\./);
  });
});
