import type { LoaderFunctionArgs } from "@remix-run/node";
import { caseJson, caseLookup } from "~/http/api.server";

/**
 * GET /ims/case/v1p1/CFItemTypes/{id}: a CFItemTypeSet holding that item type (Position, Role,
 * Activity, Competency, Knowledge resource); the types are flat, so it has no descendants.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return caseJson(request, { CFItemTypes: [await caseLookup(request, context, "CFItemTypes", params.id)] });
}
