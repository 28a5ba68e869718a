// Review comments (on the framework, a node, a competency, a link; threaded; resolvable) and notices,
// in the app and, when SMTP_URL is set, by e-mail after the transaction commits.
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@db/client";
import { domainCompetencyId, userId } from "@db/ids";
import { competencies, links } from "@db/schema";
import { LIMITS } from "@schemas/limits";
import { addComment, listComments, reopenComment, resolveComment } from "~/models/review/comments.server";
import { countUnread, listNotifications, markRead, whenMailSettled } from "~/models/review/notices.server";
import { submitFramework } from "~/models/review/steps.server";
import { ministry, someNode } from "../factories/edit-ops";
import { fakeSmtp } from "../support/fake-smtp";

const [AUTHOR, VIEWER, OTHER_AUTHOR, REVIEWER, BOARD] = ["author", "viewer", "other-author", "reviewer", "board"].map((n) => userId(`${n}@frac.test`));
const cbic = () => ministry("CBIC");
const mdoId = () => cbic().mdoId;
const REFUND = domainCompetencyId("CBIC", "Refund processing");

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

afterEach(() => {
  delete process.env.SMTP_URL;
});

describe("comments", () => {
  let threadId = "";

  it("lets a reviewer comment on a node and the author and the board reply, in one thread", () => {
    const activity = someNode(cbic().frameworkId, "activity");
    const first = ok(addComment({ mdoId: mdoId(), userId: REVIEWER, targetId: activity.id, body: "  Which circular sets this time limit?  " }));
    threadId = first.comment.threadId;
    expect(first.comment).toMatchObject({ targetId: activity.id, targetKind: "node", threadId: first.comment.id });
    const reply = ok(addComment({ mdoId: mdoId(), userId: AUTHOR, parentId: threadId, body: "Circular 17/2023; added as the source." }));
    // A reply to a reply joins the same thread, on the same target.
    const nested = ok(addComment({ mdoId: mdoId(), userId: BOARD, parentId: reply.comment.id, body: "Thanks." }));
    expect(nested.comment).toMatchObject({ threadId, targetId: activity.id });

    const threads = listComments({ mdoId: mdoId() });
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({
      id: threadId,
      targetName: activity.name,
      authorName: "Ravi Kumar (CBC technical review)",
      body: "Which circular sets this time limit?",
      resolvedAt: null,
    });
    expect(threads[0].replies.map((r) => [r.authorName, r.body, r.parentId])).toEqual([
      ["Asha Rao (CBIC HR cell)", "Circular 17/2023; added as the source.", threadId],
      ["Bina Das (CBC review board)", "Thanks.", threadId],
    ]);
  });

  it("points comments at a competency, a link or the whole framework, and lists one target's threads", () => {
    expect(ok(addComment({ mdoId: mdoId(), userId: REVIEWER, targetId: REFUND, body: "Level 3 seems high." })).comment.targetKind).toBe("node");
    const link = getDb().select().from(links).get()!;
    expect(ok(addComment({ mdoId: mdoId(), userId: BOARD, targetId: link.id, body: "Is this link needed?" })).comment.targetKind).toBe("link");
    expect(ok(addComment({ mdoId: mdoId(), userId: AUTHOR, body: "Ready for another look." })).comment).toMatchObject({ targetId: null, targetKind: "framework" });
    const onRefund = listComments({ mdoId: mdoId(), targetId: REFUND });
    expect(onRefund.map((t) => [t.targetName, t.body])).toEqual([["Refund processing", "Level 3 seems high."]]);
    expect(listComments({ mdoId: mdoId() }).find((t) => t.targetId === link.id)?.targetName).toMatch(/ → /);
  });

  it("refuses a target outside the draft, an empty or too long body, and a reply that changes target (400)", () => {
    const other = someNode(ministry("MOHFW").frameworkId, "activity");
    const cases = [
      { targetId: crypto.randomUUID(), body: "Hello" },
      { targetId: other.id, body: "Not ours" },
      { targetId: getDb().select().from(competencies).where(eq(competencies.mdoId, ministry("MOHFW").mdoId)).get()!.id, body: "Not required here" },
      { body: "   " },
      { body: "x".repeat(LIMITS.COMMENT_MAX + 1) },
      { parentId: crypto.randomUUID(), body: "Orphan reply" },
      { parentId: threadId, targetId: REFUND, body: "Wrong target" },
    ];
    for (const input of cases) expect(addComment({ mdoId: mdoId(), userId: REVIEWER, ...input }), JSON.stringify(input).slice(0, 80)).toMatchObject({ ok: false, status: 400 });
    expect(addComment({ mdoId: mdoId(), userId: REVIEWER, targetId: other.id, body: "x" })).toMatchObject({ message: expect.stringMatching(/not in this framework's draft/) });
  });

  it("lets only reviewers, the board and the ministry's authors comment (403), and hides other ministries (404)", () => {
    expect(addComment({ mdoId: mdoId(), userId: VIEWER, body: "Looks fine" })).toMatchObject({ ok: false, status: 403 });
    expect(addComment({ mdoId: mdoId(), userId: userId("curator@frac.test"), body: "Hi" })).toMatchObject({ ok: false, status: 403 });
    expect(addComment({ mdoId: mdoId(), userId: OTHER_AUTHOR, body: "Hi" })).toMatchObject({ ok: false, status: 404 });
  });

  it("resolves and reopens a whole thread, from any of its comments", () => {
    const reply = listComments({ mdoId: mdoId() })[0].replies[0];
    expect(resolveComment({ commentId: reply.id, userId: AUTHOR })).toEqual({ ok: true, threadId });
    const thread = listComments({ mdoId: mdoId() }).find((t) => t.id === threadId)!;
    expect(thread).toMatchObject({ resolvedByName: "Asha Rao (CBIC HR cell)", resolvedAt: expect.any(String) });
    expect(resolveComment({ commentId: threadId, userId: REVIEWER })).toMatchObject({ ok: false, status: 409 });
    expect(resolveComment({ commentId: threadId, userId: VIEWER })).toMatchObject({ ok: false, status: 403 });
    expect(resolveComment({ commentId: threadId, userId: OTHER_AUTHOR })).toMatchObject({ ok: false, status: 404 });
    expect(resolveComment({ commentId: crypto.randomUUID(), userId: AUTHOR })).toMatchObject({ ok: false, status: 404 });
    expect(reopenComment({ commentId: threadId, userId: REVIEWER })).toEqual({ ok: true, threadId });
    expect(listComments({ mdoId: mdoId() }).find((t) => t.id === threadId)?.resolvedAt).toBeNull();
  });
});

describe("notices", () => {
  it("tells the authors of a new thread and the thread's people of a reply, never the writer", () => {
    const authorNotes = listNotifications({ userId: AUTHOR }).filter((n) => n.kind === "comment");
    expect(authorNotes.map((n) => n.message)).toContain(
      "Ravi Kumar (CBC technical review) commented on the framework of Central Board of Indirect Taxes and Customs (CBIC): “Which circular sets this time limit?”",
    );
    const reviewerNotes = listNotifications({ userId: REVIEWER }).filter((n) => n.kind === "comment");
    expect(reviewerNotes.map((n) => n.message.split(":")[0])).toEqual([
      "Bina Das (CBC review board) replied to a comment on the framework of Central Board of Indirect Taxes and Customs (CBIC)",
      "Asha Rao (CBIC HR cell) replied to a comment on the framework of Central Board of Indirect Taxes and Customs (CBIC)",
    ]);
    expect(reviewerNotes[0].href).toMatch(/^\/frameworks\/CBIC\/review#comment-/);
  });

  it("counts unread notices and marks them read, one or all, only the user's own", () => {
    const unread = countUnread({ userId: AUTHOR });
    expect(unread).toBeGreaterThan(1);
    const [first] = listNotifications({ userId: AUTHOR, unreadOnly: true });
    expect(markRead({ userId: REVIEWER, ids: [first.id] })).toBe(0);
    expect(markRead({ userId: AUTHOR, ids: [first.id] })).toBe(1);
    expect(countUnread({ userId: AUTHOR })).toBe(unread - 1);
    expect(markRead({ userId: AUTHOR })).toBe(unread - 1);
    expect(countUnread({ userId: AUTHOR })).toBe(0);
    expect(listNotifications({ userId: AUTHOR }).every((n) => n.readAt !== null)).toBe(true);
  });

  it("e-mails the notices after commit when SMTP_URL is set", async () => {
    const server = await fakeSmtp();
    process.env.SMTP_URL = `smtp://127.0.0.1:${server.port}`;
    ok(addComment({ mdoId: mdoId(), userId: REVIEWER, body: "Please check the refund roles." }));
    await whenMailSettled();
    server.close();
    expect(server.mails).toHaveLength(1);
    expect(server.mails[0]).toContain("RCPT TO:<author@frac.test>");
    expect(server.mails[0]).toContain("Subject: =?UTF-8?Q?Ravi_Kumar");
    // The body is quoted-printable: undo its soft line breaks before reading it.
    expect(server.mails[0].replaceAll("=\n", "")).toContain("Please check the refund roles.");
    // The link is absolute (a mail client has no page to resolve a path against): APP_URL, else localhost:PORT.
    expect(server.mails[0].replaceAll("=\n", "")).toMatch(/http:\/\/localhost:\d+\/frameworks\/CBIC/u);
  });

  it("never fails the action when the mail server cannot be reached: the notice stays in the app", async () => {
    // why: port 9 on localhost is closed here, so nodemailer fails the way an unreachable relay does.
    process.env.SMTP_URL = "smtp://127.0.0.1:9";
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(submitFramework({ mdoId: mdoId(), userId: AUTHOR })).toEqual({ ok: true, status: "UNVERIFIED" });
    await whenMailSettled();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^FRAC Studio: could not e-mail reviewer@frac\.test .*the notice is shown in the app\.$/));
    expect(listNotifications({ userId: REVIEWER, unreadOnly: true })[0]).toMatchObject({ kind: "submitted" });
  });
});
