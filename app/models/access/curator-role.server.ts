/** Granting and revoking the CBC curator role (the shared dictionary's curators), audited like every membership change. */
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@db/client";
import { memberships, users } from "@db/schema";
import { grantMembership, revokeMembership } from "./users.server";

export type CuratorRoleResult = { ok: true; email: string } | { ok: false; status: 404 | 409; reason: "no-user" | "already" | "not-curator"; email: string | null };

/** Makes the user a curator (`grant`) or takes the role away; refused when it is already so. */
export function setCuratorRole({ userId, grant, actorId }: { userId: string; grant: boolean; actorId: string }): CuratorRoleResult {
  const user = getDb().select({ email: users.email }).from(users).where(eq(users.id, userId)).get();
  if (!user) return { ok: false, status: 404, reason: "no-user", email: null };
  if (grant) {
    return grantMembership({ userId, role: "curator", mdoId: null, actorId }) ? { ok: true, email: user.email } : { ok: false, status: 409, reason: "already", email: user.email };
  }
  const held = getDb()
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.role, "curator"), isNull(memberships.mdoId)))
    .get();
  if (!held || !revokeMembership({ membershipId: held.id, actorId })) return { ok: false, status: 409, reason: "not-curator", email: user.email };
  return { ok: true, email: user.email };
}
