import type { LoaderFunctionArgs } from "@remix-run/node";
import { versionsListBody } from "~/models/api-lists.server";
import { getMdoByCode } from "~/models/mdo.server";
import { apiNotFound, readJson, requireApiMinistry, requireApiReader } from "~/utils/api.server";

/** GET /api/v1/frameworks/:mdo/versions: a ministry's published versions, newest first. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const reader = await requireApiReader(request, context);
  const mdo = getMdoByCode({ code: params.mdo ?? "" });
  if (!mdo) apiNotFound(`No ministry with the code "${params.mdo}".`);
  requireApiMinistry(reader, mdo.id);
  return readJson(request, versionsListBody(mdo));
}
