/**
 * Who is asking, and what they may do. Every loader and action starts here.
 * A user who may not see a ministry's draft gets 404, not 403, so ids do not leak.
 */
import { redirect } from "@remix-run/node";
import { getSession } from "~/session.server";
import { getSessionUser, type SessionUser } from "~/models/access/users.server";
import { getMdoByCode } from "~/models/access/mdos.server";
import { recordRefusal } from "~/models/audit/access-log.server";
import type { MembershipRole } from "@schemas/roles";
import { forbidden, notFound } from "./errors.server";
import { refusalText } from "~/i18n/refusal-text";

export const CBC_ROLES: readonly MembershipRole[] = ["reviewer", "board", "curator", "admin"];

/** The signed-in user, or null. */
export async function getUser(request: Request): Promise<SessionUser | null> {
  const session = await getSession(request);
  const userId = session.get("userId");
  if (typeof userId !== "string") return null;
  return getSessionUser({ userId });
}

export const CHANGE_PASSWORD_PATH = "/account/password";

/**
 * The signed-in user; otherwise redirects to /login, coming back here afterwards. A user still on
 * a one-time password is sent to change it first, from every page but that one.
 */
export async function requireUser(request: Request, { allowOneTimePassword = false } = {}): Promise<SessionUser> {
  const user = await getUser(request);
  const url = new URL(request.url);
  const back = encodeURIComponent(url.pathname + url.search);
  if (!user) throw redirect(`/login?redirectTo=${back}`);
  if (user.mustChangePassword && !allowOneTimePassword) throw redirect(`${CHANGE_PASSWORD_PATH}?redirectTo=${back}`);
  return user;
}

/** True when the user holds a CBC role (reviewer, board, curator, admin). */
export function hasCbcRole(user: SessionUser, roles: readonly MembershipRole[] = CBC_ROLES): boolean {
  return user.memberships.some((m) => m.mdoId === null && roles.includes(m.role));
}

/** The user's roles in one MDO. */
export function rolesIn(user: SessionUser, mdoId: string): MembershipRole[] {
  return user.memberships.filter((m) => m.mdoId === mdoId).map((m) => m.role);
}

/** True when the user may read this MDO's working copy: its members and the CBC. */
export function canReadDraft(user: SessionUser, mdoId: string): boolean {
  return hasCbcRole(user) || rolesIn(user, mdoId).length > 0;
}

/** True when the user may change this MDO's working copy. */
export function canEdit(user: SessionUser, mdoId: string): boolean {
  return rolesIn(user, mdoId).includes("author");
}

export type Need = "read" | "edit";

/**
 * Loads the active MDO by code for a user who may `need` it: 404 if they may not see it, 403 if
 * they may see but not edit. A refusal of an existing ministry's data is written to the audit log.
 */
export async function requireMdoAccess(request: Request, code: string | undefined, need: Need = "read") {
  const user = await requireUser(request);
  const mdo = code ? getMdoByCode({ code }) : null;
  if (!mdo || !canReadDraft(user, mdo.id)) {
    if (mdo) await recordRefusal({ request, status: 404, userId: user.id, mdoId: mdo.id, reason: "not a member of this ministry" });
    throw notFound(refusalText("page.noFrameworkYouSee", { code: code ?? "" }));
  }
  if (need === "edit" && !canEdit(user, mdo.id)) {
    await recordRefusal({ request, status: 403, userId: user.id, mdoId: mdo.id, reason: "may read, not edit" });
    throw forbidden(refusalText("page.readOnly"));
  }
  return { user, mdo };
}

/** The signed-in user holding one of these CBC roles; 403 otherwise (audited). */
export async function requireCbcRole(request: Request, roles: readonly MembershipRole[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!hasCbcRole(user, roles)) {
    await recordRefusal({ request, status: 403, userId: user.id, reason: `needs the ${roles.join(" or ")} role` });
    throw forbidden(refusalText("page.rolesOnly", { roles: roles.join(" or ") }));
  }
  return user;
}

/** The signed-in CBC admin; to everyone else signed in the page does not exist (404, audited). */
export async function requireAdminOrNotFound(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!hasCbcRole(user, ["admin"])) {
    await recordRefusal({ request, status: 404, userId: user.id, reason: "needs the admin role" });
    throw notFound(refusalText("page.noSuchPage"));
  }
  return user;
}
