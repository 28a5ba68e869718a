import type { LoaderFunctionArgs } from "@remix-run/node";
import { listPublishedFrameworks } from "~/models/version.server";
import { apiJson, inTokenScope, requireApiToken } from "~/utils/api.server";

/** GET /api/v1/frameworks: every published framework with its latest version and links to it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireApiToken(request);
  const frameworks = listPublishedFrameworks().filter((f) => inTokenScope(token, f.mdoId)).map((f) => {
    const base = `/api/v1/frameworks/${encodeURIComponent(f.code)}/versions`;
    return {
      code: f.code,
      name: f.name,
      latestVersion: f.latestVersion,
      publishedAt: f.publishedAt,
      sha256: f.sha256,
      nodeCount: f.nodeCount,
      linkCount: f.linkCount,
      links: {
        versions: base,
        json: `${base}/${f.latestVersion}.json`,
        csv: `${base}/${f.latestVersion}.csv`,
        xlsx: `${base}/${f.latestVersion}.xlsx`,
        case: `${base}/${f.latestVersion}.case.json`,
      },
    };
  });
  return apiJson({ frameworks }, 200, { "Cache-Control": "private, no-cache" });
}
