import type { LoaderFunctionArgs } from "@remix-run/node";
import { caseJson, caseLookup } from "~/http/api.server";

/** GET /ims/case/v1p1/CFDocuments/{id}: a CFDocument (the latest published version of a framework), with its CFPackageURI. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return caseJson(request, await caseLookup(request, context, "CFDocuments", params.id));
}
