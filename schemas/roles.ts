/** The roles a user can hold; plain constants (no zod, no drizzle), so the CLI's help can name them cheaply. */
export const MEMBERSHIP_ROLES = ["author", "viewer", "reviewer", "board", "curator", "admin"] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];
/** Roles held for one ministry; the others are CBC roles that act on every ministry (mdo_id null). */
export const MINISTRY_ROLES: readonly MembershipRole[] = ["author", "viewer"];
