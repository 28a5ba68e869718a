import type { LoaderFunctionArgs } from "@remix-run/node";
import { listVersions } from "~/models/version.server";
import { apiJson, requireApiMdo, requireApiToken } from "~/utils/api.server";

/** GET /api/v1/frameworks/:mdo/versions: a ministry's published versions, newest first. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const mdo = await requireApiMdo(request, await requireApiToken(request), params.mdo);
  const base = `/api/v1/frameworks/${encodeURIComponent(mdo.code)}/versions`;
  const versions = listVersions({ mdoId: mdo.id }).map((v) => ({
    number: v.number,
    publishedAt: v.publishedAt,
    sha256: v.sha256,
    nodeCount: v.nodeCount,
    linkCount: v.linkCount,
    links: {
      json: `${base}/${v.number}.json`,
      csv: `${base}/${v.number}.csv`,
      xlsx: `${base}/${v.number}.xlsx`,
      case: `${base}/${v.number}.case.json`,
    },
  }));
  return apiJson({ code: mdo.code, name: mdo.name, versions }, 200, { "Cache-Control": "private, no-cache" });
}
