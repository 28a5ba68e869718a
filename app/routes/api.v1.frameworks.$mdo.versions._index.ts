import type { LoaderFunctionArgs } from "@remix-run/node";
import { getMdoByCode } from "~/models/mdo.server";
import { listVersions } from "~/models/version.server";
import { apiNotFound, readJson, requireApiToken } from "~/utils/api.server";

/** GET /api/v1/frameworks/:mdo/versions: a ministry's published versions, newest first. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  requireApiToken(request);
  const mdo = getMdoByCode({ code: params.mdo ?? "" });
  if (!mdo) apiNotFound(`No ministry with the code "${params.mdo}".`);
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
  return readJson(request, { code: mdo.code, name: mdo.name, versions });
}
