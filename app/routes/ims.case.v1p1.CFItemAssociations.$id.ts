import type { LoaderFunctionArgs } from "@remix-run/node";
import { caseIndex, caseJson, caseLookup } from "~/utils/api.server";

/** GET /ims/case/v1p1/CFItemAssociations/{id}: a CFItem with every association it is an origin or destination of. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const item = await caseLookup(request, "CFItems", params.id);
  const associations = (await caseIndex()).associationsByItem.get(params.id!.toLowerCase()) ?? [];
  return caseJson({ CFItem: item, CFAssociations: associations });
}
