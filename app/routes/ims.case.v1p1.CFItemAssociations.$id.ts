import type { LoaderFunctionArgs } from "@remix-run/node";
import { findItemAssociations } from "~/models/case.server";
import { caseJson, caseUnknown, requireCaseLookup } from "~/utils/api.server";

/** GET /ims/case/v1p1/CFItemAssociations/{id}: a CFAssociationSet, the CFItem with every association it is an origin or destination of. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { identifier: id, token } = await requireCaseLookup(request, params.id);
  return caseJson((await findItemAssociations(id, token.mdoId)) ?? caseUnknown("CFItem", id));
}
