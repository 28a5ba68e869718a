import type { LoaderFunctionArgs } from "@remix-run/node";
import { caseJson, caseLookup } from "~/http/api.server";

/** GET /ims/case/v1p1/CFAssociations/{id}: one CFAssociation (isChildOf or hasSkillLevel). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return caseJson(request, await caseLookup(request, context, "CFAssociations", params.id));
}
