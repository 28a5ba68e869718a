import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditCsvStream } from "~/models/audit/queries.server";
import { requireMdoAccess } from "~/http/auth.server";
import { auditFilterOf, auditFilters } from "./frameworks.$code.audit";

/** The audit trail as CSV (every matching row, streamed; cells neutralised against formula injection), same filters as the page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { mdo } = await requireMdoAccess(request, params.code, "read");
  const { f } = auditFilters(request);
  return new Response(auditCsvStream(auditFilterOf(mdo.id, f)), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${mdo.code}-audit.csv"`, "Cache-Control": "no-store" },
  });
}
