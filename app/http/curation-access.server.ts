/**
 * Who may curate the shared dictionary and who may propose to it. The curator's pages do not
 * exist for anyone else (404, audited like every refused access); forms answer with a refusal.
 */
import type { SessionUser } from "~/models/access/users.server";
import { recordRefusal } from "~/models/audit/access-log.server";
import { hasCbcRole, requireUser } from "./auth.server";
import { notFound } from "./errors.server";
import { refusalText } from "~/i18n/refusal-text";

/** True for a CBC curator. */
export const isCurator = (user: SessionUser) => hasCbcRole(user, ["curator"]);

/** True for an author of some ministry (who may propose Behavioural and Functional entries) or a curator. */
export const mayPropose = (user: SessionUser) => isCurator(user) || user.memberships.some((m) => m.mdoId !== null && m.role === "author");

async function requireOrNotFound(request: Request, allowed: (user: SessionUser) => boolean, reason: string): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!allowed(user)) {
    await recordRefusal({ request, status: 404, userId: user.id, reason });
    throw notFound(refusalText("page.noSuchPage"));
  }
  return user;
}

/** The signed-in curator; to everyone else the page does not exist. */
export const requireCuratorOrNotFound = (request: Request) => requireOrNotFound(request, isCurator, "needs the curator role");

/** The signed-in author or curator; to everyone else the proposal page does not exist. */
export const requireProposerOrNotFound = (request: Request) => requireOrNotFound(request, mayPropose, "needs an author or curator role");
