import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditCsvStream } from "~/models/audit/queries.server";
import { requireAdminOrNotFound } from "~/http/auth.server";
import { adminAuditFilters } from "~/http/admin-audit-filters.server";

/** The whole audit log as CSV with the page's filters: every matching row, streamed, each cell neutralised against formula injection. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdminOrNotFound(request);
  const { filter } = adminAuditFilters(request);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(auditCsvStream(filter, { withMdo: true }), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="frac-audit-${day}.csv"`, "Cache-Control": "private, no-store" },
  });
}
