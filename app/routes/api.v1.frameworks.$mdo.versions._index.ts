import type { LoaderFunctionArgs } from "@remix-run/node";
import { versionsListBody } from "~/models/read-api/lists.server";
import { readJson, requireApiMdo, requireApiReader } from "~/http/api.server";

/** GET /api/v1/frameworks/:mdo/versions: a ministry's published versions, newest first. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const mdo = await requireApiMdo(request, await requireApiReader(request, context), params.mdo);
  return readJson(request, versionsListBody(mdo));
}
