/** Who may open the CBC's pages across ministries (the dashboard and the comparison). */
import type { SessionUser } from "~/models/access/users.server";
import { recordRefusal } from "~/models/audit/access-log.server";
import { CBC_ROLES, hasCbcRole, requireUser } from "./auth.server";
import { notFound } from "./errors.server";
import { refusalText } from "~/i18n/refusal-text";

/**
 * The signed-in user holding a CBC role (reviewer, board, curator or admin); to everyone else
 * signed in, the page does not exist (404, audited), since it shows every ministry's draft state.
 */
export async function requireCbcOrNotFound(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!hasCbcRole(user, CBC_ROLES)) {
    await recordRefusal({ request, status: 404, userId: user.id, reason: "needs a CBC role" });
    throw notFound(refusalText("page.noSuchPage"));
  }
  return user;
}
