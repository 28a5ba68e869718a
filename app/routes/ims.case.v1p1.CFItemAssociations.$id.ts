import type { LoaderFunctionArgs } from "@remix-run/node";
import { findItemAssociations } from "~/models/read-api/case-binding.server";
import { caseJson, caseScopeOf, caseUnknown, requireCaseLookup, requireCaseObjectReadable } from "~/http/api.server";

/** GET /ims/case/v1p1/CFItemAssociations/{id}: a CFAssociationSet, the CFItem with every association it is an origin or destination of. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { identifier: id, reader } = await requireCaseLookup(request, context, params.id);
  await requireCaseObjectReadable(reader, id);
  return caseJson(request, (await findItemAssociations(id, caseScopeOf(reader))) ?? caseUnknown("CFItem", id));
}
