/** Who is searching, in the terms the search model understands. */
import type { SessionUser } from "~/models/access/users.server";
import type { SearchViewer } from "~/models/search/search.server";
import { hasCbcRole } from "./auth.server";

/** A member sees their ministries' drafts; the CBC roles see every ministry's. */
export function searchViewer(user: SessionUser): SearchViewer {
  return { mdoIds: user.memberships.flatMap((m) => (m.mdoId ? [m.mdoId] : [])), allMdos: hasCbcRole(user) };
}
