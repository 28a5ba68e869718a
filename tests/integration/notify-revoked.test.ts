// A member whose membership is revoked hears nothing more about that ministry: no notice in the
// app and no e-mail, even where a step names them (the submitter of a version, a thread they joined).
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { userId } from "@db/ids";
import { memberships, notifications } from "@db/schema";
import { addComment } from "~/models/review/comments.server";
import { whenMailSettled } from "~/models/review/notices.server";
import { approveFramework, submitFramework, verifyFramework } from "~/models/review/steps.server";
import { createUserWithRole, revokeMembership } from "~/models/access/users.server";
import { applyEditOps } from "~/models/draft-save/save.server";
import { ministry, OTHER_AUTHOR, someNode, updateNode } from "../factories/edit-ops";
import { fakeSmtp } from "../support/fake-smtp";

const ADMIN = userId("admin@frac.test");
const REVIEWER = userId("reviewer@frac.test");
const BOARD = userId("board@frac.test");
const AUTHOR = userId(OTHER_AUTHOR);
const mohfw = () => ministry("MOHFW");
const noticesOf = (user: string) => getDb().select().from(notifications).where(and(eq(notifications.userId, user), eq(notifications.mdoId, mohfw().mdoId))).all();

afterEach(() => {
  delete process.env.SMTP_URL;
});

describe("a revoked member", () => {
  it("gets no notice and no e-mail about the ministry once the membership is revoked; the others still do", async () => {
    const { userId: leaver } = await createUserWithRole({ email: "leaver@frac.test", name: "Leaver", role: "author", mdoId: mohfw().mdoId, actorId: ADMIN });
    const target = someNode(mohfw().frameworkId, "activity");
    expect(applyEditOps({ mdoId: mohfw().mdoId, userId: leaver, baseRevision: mohfw().revision, ops: [updateNode(target.id, { description: "Revised by the leaver" })] }).ok).toBe(true);
    expect(submitFramework({ mdoId: mohfw().mdoId, userId: leaver })).toEqual({ ok: true, status: "UNVERIFIED" });
    const thread = addComment({ mdoId: mohfw().mdoId, userId: REVIEWER, body: "Which circular?" });
    if (!thread.ok) throw new Error("comment refused");
    expect(addComment({ mdoId: mohfw().mdoId, userId: leaver, parentId: thread.comment.threadId, body: "Circular 4/2024." }).ok).toBe(true);
    expect(verifyFramework({ mdoId: mohfw().mdoId, userId: REVIEWER })).toEqual({ ok: true, status: "VERIFIED" });
    const before = noticesOf(leaver).length;
    expect(before).toBeGreaterThan(0);

    const membership = getDb().select().from(memberships).where(and(eq(memberships.userId, leaver), eq(memberships.mdoId, mohfw().mdoId))).get()!;
    expect(revokeMembership({ membershipId: membership.id, actorId: ADMIN })).toBe(true);

    const smtp = await fakeSmtp();
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
    // The approval names the submitter, and the reply goes to everyone in the thread.
    const approved = approveFramework({ mdoId: mohfw().mdoId, userId: BOARD });
    expect(approved.ok).toBe(true);
    expect(addComment({ mdoId: mohfw().mdoId, userId: REVIEWER, parentId: thread.comment.threadId, body: "Thanks." }).ok).toBe(true);
    await whenMailSettled();
    smtp.close();

    expect(noticesOf(leaver)).toHaveLength(before);
    expect(smtp.mails.some((m) => m.includes("leaver@frac.test"))).toBe(false);
    // The ministry's remaining author is still told, in the app and by e-mail.
    expect(noticesOf(AUTHOR).some((n) => n.kind === "published")).toBe(true);
    expect(smtp.mails.some((m) => m.includes(`RCPT TO:<${OTHER_AUTHOR}>`))).toBe(true);
  });
});
