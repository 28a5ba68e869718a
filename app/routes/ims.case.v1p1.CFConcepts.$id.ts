import type { LoaderFunctionArgs } from "@remix-run/node";
import { caseAbsent } from "~/http/api.server";

/** GET /ims/case/v1p1/CFConcepts/{id}: a lookup of the binding that FRAC has nothing for, so every id is unknown (404 unknownobject). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return caseAbsent(request, context, "CFConcepts", params.id);
}
