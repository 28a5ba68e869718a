/**
 * The bodies of the read API's lists (/api/v1/frameworks and /api/v1/frameworks/CODE/versions),
 * shared by their routes and by the static copy (publication/static-copy.server.ts), which writes the same
 * bodies as index.json files beside the version files they link to.
 */
import { EXPORT_FORMAT_INFO } from "@export/formats";
import { listPublishedFrameworks, listVersions } from "../publication/versions.server";

/** The read API's path of a ministry's versions; its files sit under it as N.json, N.csv, … */
export function versionsPath(code: string): string {
  return `/api/v1/frameworks/${encodeURIComponent(code)}/versions`;
}

function fileLinks(code: string, number: number) {
  const base = versionsPath(code);
  return {
    json: `${base}/${number}${EXPORT_FORMAT_INFO.json.extension}`,
    csv: `${base}/${number}${EXPORT_FORMAT_INFO.csv.extension}`,
    xlsx: `${base}/${number}${EXPORT_FORMAT_INFO.xlsx.extension}`,
    case: `${base}/${number}${EXPORT_FORMAT_INFO.case.extension}`,
  };
}

/** GET /api/v1/frameworks: every published framework with its latest version and links to it. */
export function frameworksListBody(mayRead: (mdoId: string) => boolean = () => true) {
  const frameworks = listPublishedFrameworks()
    .filter((f) => mayRead(f.mdoId))
    .map((f) => ({
    code: f.code,
    name: f.name,
    latestVersion: f.latestVersion,
    publishedAt: f.publishedAt,
    sha256: f.sha256,
    nodeCount: f.nodeCount,
    linkCount: f.linkCount,
    links: { versions: versionsPath(f.code), ...fileLinks(f.code, f.latestVersion) },
  }));
  return { frameworks };
}

/** GET /api/v1/frameworks/CODE/versions: a ministry's published versions, newest first. */
export function versionsListBody(mdo: { id: string; code: string; name: string }) {
  const versions = listVersions({ mdoId: mdo.id }).map((v) => ({
    number: v.number,
    publishedAt: v.publishedAt,
    sha256: v.sha256,
    nodeCount: v.nodeCount,
    linkCount: v.linkCount,
    links: fileLinks(mdo.code, v.number),
  }));
  return { code: mdo.code, name: mdo.name, versions };
}
