import type { LoaderFunctionArgs } from "@remix-run/node";
import { listCaseDocuments } from "~/models/case.server";
import { caseJson, casePaging, requireCaseToken } from "~/utils/api.server";

const SORTABLE = ["title", "creator", "lastChangeDateTime", "identifier", "version"] as const;

/**
 * GET /ims/case/v1p1/CFDocuments: one CFDocument per published framework, for its latest
 * version (earlier versions: /api/v1/frameworks/:mdo/versions/N.case.json). Paged with
 * limit (≤ 1000), offset, sort and orderBy; X-Total-Count gives the total.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireCaseToken(request);
  const { limit, offset, sort, orderBy } = casePaging(request, SORTABLE);
  const all = await listCaseDocuments(token.mdoId);
  if (sort) {
    const key = sort as (typeof SORTABLE)[number];
    all.sort((a, b) => String(a[key]).localeCompare(String(b[key])) || a.identifier.localeCompare(b.identifier));
  }
  if (orderBy === "desc") all.reverse();
  return caseJson({ CFDocuments: all.slice(offset, offset + limit) }, { "X-Total-Count": String(all.length) });
}
