import type { LoaderFunctionArgs } from "@remix-run/node";
import { DEMAND_HEADERS, demandCells } from "@schemas/demand";
import { tableCsv } from "@export/table-csv";
import { demandOf } from "~/models/insight/demand.server";
import { getPublishedVersionNumber } from "~/models/publication/versions.server";
import { apiBadRequest, apiNotFound, fileResponse, IMMUTABLE, requireApiMdo, requireApiReader } from "~/http/api.server";
import { jsonBytes } from "~/models/read-api/json-bytes.server";

const FILES = { "demand.json": "json", "demand.csv": "csv" } as const;

/**
 * GET /api/v1/frameworks/:mdo/versions/:number/demand.json|.csv: the competency demand of a
 * published version (schemas/demand.ts), as `[{ competency: { id, code, name, type }, level,
 * positions, posts }]` or as a CSV table. A version never changes, so neither does its demand.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const reader = await requireApiReader(request, context);
  const file = (params.file ?? "").toLowerCase();
  const format = file === "demand.json" || file === "demand.csv" ? FILES[file] : null;
  if (!format) apiBadRequest(`Unknown file "${params.file}": ask for demand.json or demand.csv.`);
  const which = params.number ?? "";
  if (which.toLowerCase() === "draft") apiNotFound("Drafts are not served through the API; only published versions are.");
  if (!/^[1-9][0-9]{0,8}$/u.test(which)) apiBadRequest(`"${which}" is not a version: use a version number (1, 2, …).`);
  const mdo = await requireApiMdo(request, reader, params.mdo);
  const number = Number(which);
  const rows = demandOf({ mdoId: mdo.id, version: number });
  if (!rows) {
    const latest = getPublishedVersionNumber({ mdoId: mdo.id });
    apiNotFound(`There is no version ${which} of ${mdo.code}; ${latest === null ? "none is published yet" : `the published versions are 1 to ${latest}`}.`);
  }
  const filename = `${mdo.code}-v${number}-demand.${format}`;
  if (format === "json") {
    const { bytes, sha256 } = jsonBytes(rows);
    return await fileResponse(request, bytes, { contentType: "application/json; charset=utf-8", sha256, filename, cacheControl: IMMUTABLE });
  }
  const bytes = new Uint8Array(Buffer.from(tableCsv(DEMAND_HEADERS, rows.map(demandCells)), "utf8"));
  return await fileResponse(request, bytes, { contentType: "text/csv; charset=utf-8", filename, cacheControl: IMMUTABLE });
}
