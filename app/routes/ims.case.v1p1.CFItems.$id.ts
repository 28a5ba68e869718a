import type { LoaderFunctionArgs } from "@remix-run/node";
import { caseJson, caseLookup } from "~/http/api.server";

/** GET /ims/case/v1p1/CFItems/{id}: one CFItem (a node of a latest published framework; its identifier is the node's UUID). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return caseJson(request, await caseLookup(request, context, "CFItems", params.id));
}
