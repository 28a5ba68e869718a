import type { LoaderFunctionArgs } from "@remix-run/node";
import { caseJson, caseLookup } from "~/http/api.server";

/** GET /ims/case/v1p1/CFPackages/{id}: the whole CFPackage of a framework's latest published version; {id} is its CFDocument's identifier. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return caseJson(request, await caseLookup(request, context, "CFPackages", params.id));
}
