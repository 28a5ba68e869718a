/** Users, their memberships, and signing in. */
import crypto from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb, type Tx } from "@db/client";
import { hashPassword, verifyPassword } from "@db/password";
import { mdos, memberships, users } from "@db/schema";
import { MINISTRY_ROLES, type MembershipRole } from "@schemas/roles";
import { demoRequested } from "~/config.server";
import { audit } from "../audit/write.server";

export type Membership = { role: MembershipRole; mdoId: string | null; mdoCode: string | null; mdoName: string | null };
export type SessionUser = { id: string; email: string; name: string; mustChangePassword: boolean; memberships: Membership[] };

/** True when demo accounts may sign in (the local, embedded default started by `npm start`). */
export function demoEnabled(): boolean {
  return demoRequested();
}

/** Normalises an email for lookup and storage. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** The user with this id with their memberships, or null if unknown, disabled or a demo account outside demo mode. */
export function getSessionUser({ userId }: { userId: string }): SessionUser | null {
  const db = getDb();
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user || user.disabled || (user.isDemo && !demoEnabled())) return null;
  return { id: user.id, email: user.email, name: user.name, mustChangePassword: user.mustChangePassword, memberships: listMemberships({ userId }) };
}

/** Every membership of a user, with the MDO's code and name. */
export function listMemberships({ userId }: { userId: string }): Membership[] {
  return getDb()
    .select({ role: memberships.role, mdoId: memberships.mdoId, mdoCode: mdos.code, mdoName: mdos.name })
    .from(memberships)
    .leftJoin(mdos, eq(mdos.id, memberships.mdoId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.role))
    .all();
}

export type LoginResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "demo-disabled" | "disabled" };

/** Checks an email and password; never says which of the two was wrong. */
export async function verifyLogin({ email, password }: { email: string; password: string }): Promise<LoginResult> {
  const user = getDb().select().from(users).where(eq(users.email, normalizeEmail(email))).get();
  // why: hash anyway for unknown emails so response time does not reveal which emails exist.
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
  if (!user || !ok) return { ok: false, reason: "invalid" };
  if (user.isDemo && !demoEnabled()) return { ok: false, reason: "demo-disabled" };
  if (user.disabled) return { ok: false, reason: "disabled" };
  return { ok: true, userId: user.id };
}

let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword(crypto.randomBytes(16).toString("hex")));

/** A random one-time password: 16 characters, easy to read aloud. */
export function oneTimePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = crypto.randomBytes(16);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

export type CreateUserInput = { email: string; name?: string; role: MembershipRole; mdoId: string | null; actorId: string | null };

/** Creates a user (or reuses one with that email) and grants the role; returns a one-time password for new users. */
export async function createUserWithRole(input: CreateUserInput): Promise<{ userId: string; created: boolean; password: string | null }> {
  const db = getDb();
  const email = normalizeEmail(input.email);
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction((tx) => {
    const existing = tx.select().from(users).where(eq(users.email, email)).get();
    const userId = existing?.id ?? crypto.randomUUID();
    if (!existing) {
      tx.insert(users)
        .values({ id: userId, email, name: input.name?.trim() || email, passwordHash, mustChangePassword: true })
        .run();
      audit(tx, { userId: input.actorId, mdoId: null, entity: "user", entityId: userId, action: "create", after: { email } });
    }
    grantInTx(tx, { userId, role: input.role, mdoId: input.mdoId, actorId: input.actorId });
    return { userId, created: !existing, password: existing ? null : password };
  });
}


function grantInTx(tx: Tx, { userId, role, mdoId, actorId }: { userId: string; role: MembershipRole; mdoId: string | null; actorId: string | null }) {
  const scoped = MINISTRY_ROLES.includes(role);
  if (scoped && !mdoId) throw new Error(`The ${role} role belongs to a ministry: name one.`);
  if (!scoped && mdoId) throw new Error(`The ${role} role is a CBC role and acts on every ministry: name no ministry.`);
  const exists = tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.role, role), mdoId ? eq(memberships.mdoId, mdoId) : isNull(memberships.mdoId)))
    .get();
  if (exists) return false;
  tx.insert(memberships).values({ id: crypto.randomUUID(), userId, role, mdoId }).run();
  audit(tx, { userId: actorId, mdoId, entity: "membership", entityId: userId, action: "grant", after: { role } });
  return true;
}

/** Grants a role (ministry roles need an MDO, CBC roles must not have one); false if already held. */
export function grantMembership(input: { userId: string; role: MembershipRole; mdoId: string | null; actorId: string | null }): boolean {
  return getDb().transaction((tx) => grantInTx(tx, input));
}

/** Revokes one membership by id; false if there was none. */
export function revokeMembership({ membershipId, actorId }: { membershipId: string; actorId: string }): boolean {
  return getDb().transaction((tx) => {
    const m = tx.select().from(memberships).where(eq(memberships.id, membershipId)).get();
    if (!m) return false;
    tx.delete(memberships).where(eq(memberships.id, membershipId)).run();
    audit(tx, { userId: actorId, mdoId: m.mdoId, entity: "membership", entityId: m.userId, action: "revoke", before: { role: m.role } });
    return true;
  });
}

/** Every user with memberships, for the admin page. */
export function listUsersWithMemberships() {
  const db = getDb();
  const rows = db.select({ id: users.id, email: users.email, name: users.name, isDemo: users.isDemo, disabled: users.disabled, mustChangePassword: users.mustChangePassword }).from(users).orderBy(asc(users.email)).all();
  const ms = db
    .select({ id: memberships.id, userId: memberships.userId, role: memberships.role, mdoCode: mdos.code, mdoName: mdos.name })
    .from(memberships)
    .leftJoin(mdos, eq(mdos.id, memberships.mdoId))
    .all();
  return rows.map((u) => ({ ...u, memberships: ms.filter((m) => m.userId === u.id) }));
}
