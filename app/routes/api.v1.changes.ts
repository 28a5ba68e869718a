import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { listPublishedFrameworks, listVersions, retiredNodeIds } from "~/models/publication/versions.server";
import { apiBadRequest, readJson, requireApiReader } from "~/http/api.server";

const sinceSchema = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

/**
 * GET /api/v1/changes?since=ISO-TIME: versions published after `since`, oldest first, each with
 * the node ids it retired; poll again with `since` set to the answer's `until`.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const reader = await requireApiReader(request, context);
  const raw = new URL(request.url).searchParams.get("since");
  if (raw === null || raw === "") apiBadRequest("Give `since` as an ISO 8601 time, e.g. ?since=2026-01-01T00:00:00Z.");
  if (!sinceSchema.safeParse(raw).success || Number.isNaN(Date.parse(raw))) {
    apiBadRequest(`"${raw}" is not an ISO 8601 time: use e.g. 2026-01-01T00:00:00Z or 2026-01-01.`);
  }
  const since = Date.parse(raw);
  const until = new Date().toISOString();
  const found = listPublishedFrameworks()
    .filter((f) => reader.mayRead(f.mdoId))
    .flatMap((f) =>
    listVersions({ mdoId: f.mdoId })
      .filter((v) => Date.parse(v.publishedAt) > since)
      .map((v) => ({ mdoId: f.mdoId, code: f.code, name: f.name, ...v })),
  );
  found.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.code.localeCompare(b.code) || a.number - b.number);
  const publications = await Promise.all(
    found.map(async (v) => {
      const base = `/api/v1/frameworks/${encodeURIComponent(v.code)}/versions/${v.number}`;
      return {
        code: v.code,
        name: v.name,
        version: v.number,
        previousVersion: v.number > 1 ? v.number - 1 : null,
        publishedAt: v.publishedAt,
        sha256: v.sha256,
        retiredNodeIds: await retiredNodeIds({ mdoId: v.mdoId, number: v.number, sha256: v.sha256 }),
        links: { json: `${base}.json`, case: `${base}.case.json` },
      };
    }),
  );
  return readJson(request, { since: new Date(since).toISOString(), until, publications });
}
