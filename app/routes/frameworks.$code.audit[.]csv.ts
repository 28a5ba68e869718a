import type { LoaderFunctionArgs } from "@remix-run/node";
import { AUDIT_PAGE_MAX, auditCsv } from "~/models/audit-query.server";
import { requireMdoAccess } from "~/utils/auth.server";
import { auditFilters, filteredAudit } from "./frameworks.$code.audit";

/** The audit trail as CSV (cells neutralised against formula injection), same filters as the page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { mdo } = await requireMdoAccess(request, params.code, "read");
  const { f } = auditFilters(request);
  const { rows } = filteredAudit(mdo.id, f, AUDIT_PAGE_MAX);
  return new Response(auditCsv(rows), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${mdo.code}-audit.csv"`, "Cache-Control": "no-store" },
  });
}
