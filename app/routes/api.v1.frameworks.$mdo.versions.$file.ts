import type { LoaderFunctionArgs } from "@remix-run/node";
import { publishedFile } from "~/models/publication/export.server";
import { getPublishedVersionNumber } from "~/models/publication/versions.server";
import { apiBadRequest, apiNotFound, fileResponse, IMMUTABLE, requireApiMdo, requireApiReader } from "~/http/api.server";
import { EXPORT_FORMAT_INFO, type ExportFormat } from "@export/index";

// The file name's ending names the format; `case.json` before `json` so the longer one wins.
const ENDINGS: [string, ExportFormat][] = [
  [".case.json", "case"],
  [".json", "json"],
  [".csv", "csv"],
  [".xlsx", "xlsx"],
];

/** Splits "3.csv" / "latest.case.json" into the version part and the format, or answers 400/404. */
function parseFile(file: string): { which: string; format: ExportFormat } {
  const ending = ENDINGS.find(([suffix]) => file.toLowerCase().endsWith(suffix));
  if (!ending) apiBadRequest(`Unknown format in "${file}": ask for N.json, N.csv, N.xlsx or N.case.json (N a version number or "latest").`);
  const which = file.slice(0, -ending[0].length);
  if (which.toLowerCase() === "draft") apiNotFound("Drafts are not served through the API; only published versions are.");
  if (which !== "latest" && !/^[1-9][0-9]{0,8}$/u.test(which)) {
    apiBadRequest(`"${which}" is not a version: use a version number (1, 2, …) or "latest".`);
  }
  return { which, format: ending[1] };
}

/**
 * GET /api/v1/frameworks/:mdo/versions/:file: a published version as N.json (the stored text,
 * byte for byte), N.csv, N.xlsx or N.case.json; latest.* redirects (302) to the numbered file.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const reader = await requireApiReader(request, context);
  const { which, format } = parseFile(params.file ?? "");
  const mdo = await requireApiMdo(request, reader, params.mdo);
  const info = EXPORT_FORMAT_INFO[format];
  if (which === "latest") {
    const latest = getPublishedVersionNumber({ mdoId: mdo.id });
    if (latest === null) apiNotFound(`${mdo.code} has not published a version yet.`);
    const location = `/api/v1/frameworks/${encodeURIComponent(mdo.code)}/versions/${latest}${info.extension}`;
    return new Response(null, { status: 302, headers: { Location: location, "Cache-Control": "private, no-cache" } });
  }
  const number = Number(which);
  const file = await publishedFile({ mdoId: mdo.id, number, format });
  if (!file) {
    const latest = getPublishedVersionNumber({ mdoId: mdo.id });
    apiNotFound(`There is no version ${which} of ${mdo.code}; ${latest === null ? "none is published yet" : latest === 1 ? "only version 1 is published" : `the published versions are 1 to ${latest}`}.`);
  }
  const filename = `${mdo.code}-v${number}${info.extension}`;
  return await fileResponse(request, file.bytes, { contentType: info.contentType, filename, sha256: file.sha256, cacheControl: IMMUTABLE });
}
