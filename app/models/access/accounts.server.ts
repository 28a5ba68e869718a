/**
 * An account's lifecycle: changing one's password, an admin's reset (a new one-time password),
 * disabling and enabling, and the security events of signing in and out. Each is audited, and
 * each change that should lock someone out ends that user's sessions in the same transaction.
 */
import { eq } from "drizzle-orm";
import { getDb } from "@db/client";
import { hashPassword, verifyPassword } from "@db/password";
import { users } from "@db/schema";
import { audit } from "../audit/write.server";
import { refusalText, type RefusalKey, type RefusalParams } from "~/i18n/refusal-text";
import { refusalFields } from "../refusal.server";
import { passwordProblemText } from "./password-policy.server";
import { normalizeEmail, oneTimePassword } from "./users.server";
import { endUserSessions, type SessionClient } from "./sessions.server";

/** The result of a change that may be refused, naming the field at fault. */
export type Outcome = { ok: true } | { ok: false; field: "currentPassword" | "newPassword" | "user"; message: string; code: RefusalKey; params?: RefusalParams };

/** Changes a user's own password (the current one is required) and ends all their sessions. */
export async function changePassword({ userId, currentPassword, newPassword }: { userId: string; currentPassword: string; newPassword: string }): Promise<Outcome> {
  const db = getDb();
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user || user.disabled) return { ok: false, field: "user", ...refusalFields(refusalText("account.cannotSignIn")) };
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    return { ok: false, field: "currentPassword", ...refusalFields(refusalText("account.wrongCurrent")) };
  }
  if (newPassword === currentPassword) return { ok: false, field: "newPassword", ...refusalFields(refusalText("account.samePassword")) };
  const problem = await passwordProblemText(newPassword, [user.email, user.name]);
  if (problem) return { ok: false, field: "newPassword", ...refusalFields(problem) };
  const passwordHash = await hashPassword(newPassword);
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, userId)).run();
    endUserSessions(tx, { userId });
    audit(tx, { userId, mdoId: null, entity: "user", entityId: userId, action: "password-change", before: { mustChangePassword: user.mustChangePassword } });
  });
  return { ok: true };
}

/** Gives a user a new one-time password (they must change it at next sign-in) and ends their sessions. */
export async function resetPassword({ userId, actorId }: { userId: string; actorId: string | null }): Promise<{ password: string } | null> {
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  return getDb().transaction((tx) => {
    const changed = tx.update(users).set({ passwordHash, mustChangePassword: true }).where(eq(users.id, userId)).run().changes;
    if (!changed) return null;
    const ended = endUserSessions(tx, { userId });
    audit(tx, { userId: actorId, mdoId: null, entity: "user", entityId: userId, action: "password-reset", after: { sessionsEnded: ended } });
    return { password };
  });
}

/** Disables (ending every session) or re-enables a user; false when there is no such user or nothing changed. */
export function setUserDisabled({ userId, disabled, actorId }: { userId: string; disabled: boolean; actorId: string | null }): boolean {
  return getDb().transaction((tx) => {
    const user = tx.select({ disabled: users.disabled }).from(users).where(eq(users.id, userId)).get();
    if (!user || user.disabled === disabled) return false;
    tx.update(users).set({ disabled }).where(eq(users.id, userId)).run();
    const ended = disabled ? endUserSessions(tx, { userId }) : 0;
    audit(tx, { userId: actorId, mdoId: null, entity: "user", entityId: userId, action: disabled ? "disable" : "enable", before: { disabled: !disabled }, after: { disabled, ...(disabled ? { sessionsEnded: ended } : {}) } });
    return true;
  });
}

/** The user with this email (any state), or null. */
export function findUserByEmail({ email }: { email: string }) {
  return getDb().select({ id: users.id, email: users.email, name: users.name, disabled: users.disabled }).from(users).where(eq(users.email, normalizeEmail(email))).get() ?? null;
}

export type SecurityEvent = "sign-in" | "sign-in-failed" | "lockout" | "sign-out";

/**
 * Writes a sign-in, failed sign-in, lockout or sign-out to the audit log with the client's IP and
 * user agent. A failure for an unknown email is kept too, with the email tried and no user.
 */
export function recordSecurityEvent({ event, email, userId, client, detail = {} }: { event: SecurityEvent; email?: string; userId?: string | null; client: SessionClient; detail?: Record<string, unknown> }): void {
  const db = getDb();
  const who = userId ?? (email ? (findUserByEmail({ email })?.id ?? null) : null);
  const after = { ip: client.ip, userAgent: client.userAgent?.slice(0, 512) ?? null, ...(email && !who ? { email: normalizeEmail(email).slice(0, 320) } : {}), ...detail };
  audit(db, { userId: who, mdoId: null, entity: "user", entityId: who, action: event, after });
}
