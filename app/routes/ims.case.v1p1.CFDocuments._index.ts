import type { LoaderFunctionArgs } from "@remix-run/node";
import { caseJson, casePaging, readableCaseDocuments, requireCaseReader } from "~/http/api.server";

const SORTABLE = ["title", "creator", "lastChangeDateTime", "identifier", "version"] as const;

/**
 * GET /ims/case/v1p1/CFDocuments: one CFDocument per published framework, for its latest
 * version (earlier versions: /api/v1/frameworks/:mdo/versions/N.case.json). Paged with
 * limit (≤ 1000), offset, sort and orderBy; X-Total-Count gives the total.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const reader = await requireCaseReader(request, context);
  const { limit, offset, sort, orderBy } = casePaging(request, SORTABLE);
  const all = await readableCaseDocuments(reader);
  if (sort) {
    const key = sort as (typeof SORTABLE)[number];
    all.sort((a, b) => String(a[key]).localeCompare(String(b[key])) || a.identifier.localeCompare(b.identifier));
  }
  if (orderBy === "desc") all.reverse();
  return caseJson(request, { CFDocuments: all.slice(offset, offset + limit) }, { "X-Total-Count": String(all.length) });
}
