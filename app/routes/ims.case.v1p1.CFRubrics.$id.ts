import type { LoaderFunctionArgs } from "@remix-run/node";
import { caseJson, caseLookup } from "~/http/api.server";

/** GET /ims/case/v1p1/CFRubrics/{id}: one CFRubric (a competency's proficiency scale with its levels). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return caseJson(request, await caseLookup(request, context, "CFRubrics", params.id));
}
