/** The query parameters of /admin/audit and its CSV: parsed once, shared by the page and the download. */
import { z } from "zod";
import type { AuditFilter } from "~/models/audit/queries.server";
import { getMdoByCode } from "~/models/access/mdos.server";
import { badRequest } from "./errors.server";

export const ADMIN_AUDIT_PAGE = 100;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, "Dates look like 2026-11-23.")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "That date does not exist.");

const params = z.object({
  user: z.string().trim().max(320, "Search for at most 320 characters of a name or email.").optional(),
  event: z
    .string()
    .trim()
    .max(80)
    .regex(/^[\w.-]+(?::[\w.-]+)?$/u, "Choose an event from the list.")
    .optional(),
  mdo: z.string().trim().max(32).optional(),
  from: day.optional(),
  to: day.optional(),
  offset: z.coerce.number().int("The page offset is a whole number.").min(0).max(1_000_000_000).default(0),
});

type Form = { user: string; event: string; mdo: string; from: string; to: string };

/** The filter for the model, what the form shows, and the query string; a malformed parameter is a 400 naming it. */
export function adminAuditFilters(request: Request): { filter: Omit<AuditFilter, "limit" | "offset">; form: Form; query: string; offset: number } {
  const raw = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v.trim() !== ""));
  const parsed = params.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(`${issue.path.join(".") || "filter"}: ${issue.message}`);
  }
  const p = parsed.data;
  if (p.from && p.to && p.from > p.to) throw badRequest(`from: ${p.from} is after to (${p.to}); swap the dates.`);
  let mdoId: string | null | undefined;
  if (p.mdo === "-") mdoId = null;
  else if (p.mdo) {
    const mdo = getMdoByCode({ code: p.mdo });
    if (!mdo) throw badRequest(`mdo: there is no active ministry with the code "${p.mdo}".`);
    mdoId = mdo.id;
  }
  const [entity, action] = p.event ? p.event.split(":") : [undefined, undefined];
  const filter = { user: p.user, entity, action, mdoId, from: p.from, to: p.to };
  const form = { user: p.user ?? "", event: p.event ?? "", mdo: p.mdo ?? "", from: p.from ?? "", to: p.to ?? "" };
  return { filter, form, query: new URLSearchParams(raw).toString(), offset: p.offset };
}
