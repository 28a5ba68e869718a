/**
 * In-app notices, written in the transaction of the action they report; when SMTP_URL is set
 * the same notices also go by e-mail once that transaction has committed.
 */
import crypto from "node:crypto";
import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { getDb } from "@db/client";
import { memberships, notifications, users } from "@db/schema";
import type { MembershipRole } from "@schemas/roles";
import type { Tx } from "@db/client";
import { appBaseUrl, mailSettings } from "~/config.server";
import { decodeNotice, encodeNotice, noticeSentence, type NoticeKey, type NoticeParams } from "./notice-text.server";

export type NotificationKind = "submitted" | "verified" | "rejected" | "published" | "comment" | "proposal";

/**
 * What to tell whom: a message key and its params (rendered in each reader's language), or, for a
 * caller that has no key yet, a plain English `message`.
 */
export type NoticeInput = { userIds: Iterable<string>; mdoId: string | null; kind: NotificationKind; href?: string | null } & (
  | { key: NoticeKey; params: NoticeParams; message?: never }
  | { message: string; key?: never; params?: never }
);

/** A notice written to the database, with what an e-mail needs (key and params null for a plain-text notice). */
export type Notice = { id: string; email: string; name: string; message: string; key: NoticeKey | null; params: NoticeParams | null; href: string | null };

/**
 * Writes one notice per distinct, enabled user who may still read the ministry (a member of it,
 * or the CBC): a member whose membership was revoked hears nothing more of it, in the app or by
 * e-mail. Returns the notices so the caller can e-mail them after commit.
 */
export function notify(tx: Tx, input: NoticeInput): Notice[] {
  const { userIds, mdoId, kind, href = null } = input;
  const stored = input.key ? encodeNotice(input.key, input.params) : input.message;
  const { key, params, text: message } = decodeNotice(stored);
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return [];
  // why mdo_id is null: a CBC role (reviewer, board, …) acts on every ministry.
  const mayRead = mdoId
    ? sql`exists (select 1 from ${memberships} where ${memberships.userId} = ${users.id} and (${memberships.mdoId} = ${mdoId} or ${memberships.mdoId} is null))`
    : undefined;
  const recipients = tx
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.disabled, false), mayRead))
    .all();
  return recipients.map((user) => {
    const id = crypto.randomUUID();
    tx.insert(notifications).values({ id, userId: user.id, mdoId, kind, message: stored, href }).run();
    return { id, email: user.email, name: user.name, message, key, params, href };
  });
}

/** Ids of the users holding a CBC role (reviewer, board, …), or one ministry's role when `mdoId` is given. */
export function usersWithRole(tx: Tx, role: MembershipRole, mdoId: string | null = null): string[] {
  return tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.role, role), mdoId === null ? isNull(memberships.mdoId) : eq(memberships.mdoId, mdoId)))
    .all()
    .map((m) => m.userId);
}

/** A user's notices, newest first: `message` is the English text, `key` and `params` say it in another language (null on older rows). */
export function listNotifications({ userId, unreadOnly = false, limit = 50 }: { userId: string; unreadOnly?: boolean; limit?: number }) {
  const rows = getDb()
    .select({
      id: notifications.id,
      mdoId: notifications.mdoId,
      kind: notifications.kind,
      message: notifications.message,
      href: notifications.href,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), unreadOnly ? isNull(notifications.readAt) : undefined))
    // why rowid: notices written within one millisecond keep the order they were written in.
    .orderBy(desc(notifications.createdAt), desc(sql`${notifications}.rowid`))
    .limit(Math.min(Math.max(limit, 1), 500))
    .all();
  return rows.map((row) => {
    const { key, params, text } = decodeNotice(row.message);
    return { ...row, message: text, key, params };
  });
}

/** How many notices the user has not read yet (for a badge). */
export function countUnread({ userId }: { userId: string }): number {
  return getDb()
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .get()!.n;
}

/** Marks the user's notices read: the given ids (only the user's own), or all of them; returns how many changed. */
export function markRead({ userId, ids }: { userId: string; ids?: string[] }): number {
  if (ids && ids.length === 0) return 0;
  return getDb()
    .update(notifications)
    .set({ readAt: new Date().toISOString() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ids ? inArray(notifications.id, ids) : undefined))
    .run().changes;
}

// ---- E-mail ------------------------------------------------------------------------------

let transport: { url: string; transporter: Transporter } | undefined;
const inFlight = new Set<Promise<void>>();

function transporterFor(url: string): Transporter {
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

/**
 * E-mails notices when SMTP_URL is set (otherwise they stay in-app only). Call it after the
 * transaction commits; it never throws: a failed e-mail is logged, and the in-app notice stands.
 */
export function deliverByEmail(notices: readonly Notice[]): void {
  const mail = mailSettings();
  if (!mail || notices.length === 0) return;
  const { url, from } = mail;
  const base = appBaseUrl();
  const job = (async () => {
    let transporter: Transporter;
    try {
      transporter = transporterFor(url);
    } catch (error) {
      logMailFailure(error, notices.length);
      return;
    }
    await Promise.all(
      notices.map(async (notice) => {
        try {
          await transporter.sendMail({ from, to: { name: notice.name, address: notice.email }, ...mailOf(notice, base) });
        } catch (error) {
          logMailFailure(error, 1, notice.email);
        }
      }),
    );
  })();
  inFlight.add(job);
  void job.finally(() => inFlight.delete(job));
}

/** Resolves when every e-mail started so far has been sent or given up on (tests, shutdown). */
export async function whenMailSettled(): Promise<void> {
  await Promise.all([...inFlight]);
}

/**
 * The e-mail of a notice: bilingual, English then Hindi, as Government of India mail often is,
 * because a user has no stored language to choose by (the `lang` cookie lives in the browser).
 * A plain-text notice (no key) goes in English only.
 */
export function mailOf(notice: Pick<Notice, "message" | "key" | "params" | "href">, base: string): { subject: string; text: string } {
  const link = notice.href ? `\n\n${base}${notice.href}` : "";
  if (!notice.key || !notice.params) return { subject: subjectOf(notice.message), text: `${notice.message}${link}\n\n— FRAC Studio` };
  const hindi = noticeSentence("hi", notice.key, notice.params);
  return {
    subject: `${subjectOf(notice.message)} / ${subjectOf(hindi)}`,
    text: `${notice.message}${link}\n\n—\n\n${hindi}${link}\n\n— FRAC Studio`,
  };
}

function subjectOf(message: string): string {
  const first = message.split(/(?<=\.)\s/)[0];
  return first.length > 120 ? `${first.slice(0, 119)}…` : first;
}

// why warn, not error: the action succeeded and the notice is in the app; mail is a best-effort extra.
function logMailFailure(error: unknown, n: number, to?: string): void {
  const why = error instanceof Error ? error.message : String(error);
  console.warn(`FRAC Studio: could not e-mail ${to ?? `${n} notice(s)`} (${why}); the notice is shown in the app.`);
}
