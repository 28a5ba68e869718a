/**
 * Rows of the sessions table: created at sign-in, read on every request (ending those past the
 * idle or absolute limit), listed on /account, and deleted at sign-out or when an account changes.
 */
import crypto from "node:crypto";
import { and, desc, eq, lt, ne, or } from "drizzle-orm";
import { getDb } from "@db/client";
import { sessions } from "@db/schema";
import { sessionLimits } from "~/config.server";

type Writer = Pick<ReturnType<typeof getDb>, "delete">;

/** The key a session row is stored under: the sha256 of the cookie's random id. */
export const sessionKey = (id: string) => crypto.createHash("sha256").update(id).digest("hex");

// why: writing last_seen on every request would make every page view a database write; a minute is precise enough for a 30-minute idle limit.
const TOUCH_EVERY_MS = 60_000;

export type SessionClient = { userAgent: string | null; ip: string | null };

/** Creates a session for a user and returns the random id the cookie will carry. */
export function createSessionRow({ userId, data, client, now = new Date() }: { userId: string; data: Record<string, unknown>; client: SessionClient; now?: Date }): string {
  const id = crypto.randomBytes(32).toString("base64url");
  const at = now.toISOString();
  getDb()
    .insert(sessions)
    .values({
      idHash: sessionKey(id),
      userId,
      data: JSON.stringify(data),
      userAgent: client.userAgent?.slice(0, 512) ?? null,
      ip: client.ip?.slice(0, 64) ?? null,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(now.getTime() + sessionLimits().maxAgeMs).toISOString(),
    })
    .run();
  return id;
}

/** The session's data, or null when it is unknown, past its absolute limit or idle too long (such a row is deleted). */
export function readSessionRow({ id, now = new Date() }: { id: string; now?: Date }): { userId: string; data: Record<string, unknown> } | null {
  const db = getDb();
  const row = db.select().from(sessions).where(eq(sessions.idHash, sessionKey(id))).get();
  if (!row) return null;
  const idleFor = now.getTime() - Date.parse(row.lastSeenAt);
  if (Date.parse(row.expiresAt) <= now.getTime() || idleFor > sessionLimits().idleMs) {
    db.delete(sessions).where(eq(sessions.idHash, row.idHash)).run();
    return null;
  }
  if (idleFor > TOUCH_EVERY_MS) db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.idHash, row.idHash)).run();
  const data: unknown = JSON.parse(row.data);
  return { userId: row.userId, data: typeof data === "object" && data !== null ? (data as Record<string, unknown>) : {} };
}

/** Replaces the session's data (the user and the absolute limit stay as they were). */
export function updateSessionRow({ id, data }: { id: string; data: Record<string, unknown> }): void {
  getDb().update(sessions).set({ data: JSON.stringify(data) }).where(eq(sessions.idHash, sessionKey(id))).run();
}

/** Deletes one session by its cookie id. */
export function deleteSessionRow({ id }: { id: string }): void {
  getDb().delete(sessions).where(eq(sessions.idHash, sessionKey(id))).run();
}

/** Ends every session of a user (all but `exceptKey` when given); returns how many ended. */
export function endUserSessions(tx: Writer, { userId, exceptKey }: { userId: string; exceptKey?: string }): number {
  const where = exceptKey ? and(eq(sessions.userId, userId), ne(sessions.idHash, exceptKey)) : eq(sessions.userId, userId);
  return tx.delete(sessions).where(where).run().changes;
}

/** Ends every session of the user ("sign out everywhere"). */
export function endAllOwnSessions({ userId }: { userId: string }): number {
  return endUserSessions(getDb(), { userId });
}

/** Ends one of the user's own sessions by its key; false when the user has no such session. */
export function endOwnSession({ userId, key }: { userId: string; key: string }): boolean {
  return getDb().delete(sessions).where(and(eq(sessions.userId, userId), eq(sessions.idHash, key))).run().changes > 0;
}

/** The user's live sessions, newest first, for /account. */
export function listUserSessions({ userId, now = new Date() }: { userId: string; now?: Date }) {
  const db = getDb();
  const idleSince = new Date(now.getTime() - sessionLimits().idleMs).toISOString();
  // why: rows past a limit are deleted when next read; sweep this user's now so the list shows only live ones.
  db.delete(sessions)
    .where(and(eq(sessions.userId, userId), or(lt(sessions.expiresAt, now.toISOString()), lt(sessions.lastSeenAt, idleSince))))
    .run();
  return db
    .select({ key: sessions.idHash, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent, ip: sessions.ip })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.lastSeenAt))
    .all();
}
