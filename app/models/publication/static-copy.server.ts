/**
 * The static copy of what is published: every version of every framework in every format, at the
 * read API's own paths under a folder, so any web server, CDN or object store can serve them
 * (docs/deploy.md). The bytes are the API's (publishedFile, the binding's CFPackage JSON), with
 * .br and .gz siblings that are the API's compressed bytes too. Writing is idempotent and
 * incremental: a version whose .json (written last) is already there is left alone.
 */
import fs from "node:fs";
import path from "node:path";
import { compressedBody } from "~/models/read-api/compressed-bytes.server";
import { sha256Hex } from "@db/hash";
import { jsonBytes } from "~/models/read-api/json-bytes.server";
import { EXPORT_FORMAT_INFO, EXPORT_FORMATS } from "@export/formats";
import { staticCopyDir } from "~/config.server";
import { frameworksListBody, versionsListBody } from "../read-api/lists.server";
import { findCaseObject, listCaseDocuments } from "../read-api/case-binding.server";
import { exportOptions, publishedFile } from "./export.server";
import { listPublishedFrameworks, listVersions } from "./versions.server";

export type StaticCopyReport = {
  dir: string;
  /** Versions written by this run, as CODE/N. */
  written: string[];
  /** Versions that were already there. */
  kept: number;
  /** Files (with their .br/.gz siblings) created or replaced, lists and CASE packages included. */
  files: number;
  /** Ministries left out because their code cannot be a folder name. */
  skipped: string[];
};

// Marks which APP_URL a copy was made for: CASE files hold absolute uris, so another one means rewriting all.
const MARKER = ".frac-static.json";
// why: a code is a path segment here; anything else (a slash, "..") could write outside the folder.
const SAFE_SEGMENT = /^(?!\.{1,2}$)[A-Za-z0-9._-]+$/u;
// The order a version is written in: its .json last, so a .json on disk means the version is whole.
const FORMAT_ORDER = [...EXPORT_FORMATS.filter((f) => f !== "json"), "json" as const];

function sameBytes(file: string, bytes: Uint8Array): boolean {
  try {
    const stat = fs.statSync(file);
    return stat.size === bytes.length && fs.readFileSync(file).equals(bytes);
  } catch {
    return false;
  }
}

/** Writes through a temporary file and a rename, so a reader (or a sync to a bucket) never sees half a file. */
function writeAtomically(file: string, bytes: Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
}

/** Writes a file and, when compressible, its .br and .gz siblings first; false when it was already there. */
async function put(file: string, bytes: Uint8Array, sha256: string, compressible: boolean): Promise<boolean> {
  if (sameBytes(file, bytes)) return false;
  if (compressible) {
    writeAtomically(`${file}.br`, (await compressedBody(sha256, bytes, "br")).bytes);
    writeAtomically(`${file}.gz`, (await compressedBody(sha256, bytes, "gzip")).bytes);
  }
  writeAtomically(file, bytes);
  return true;
}

const putJson = (file: string, body: object) => {
  const { bytes, sha256 } = jsonBytes(body);
  return put(file, bytes, sha256, true);
};

function readMarker(dir: string): { baseUri?: string } {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MARKER), "utf8")) as { baseUri?: string };
  } catch {
    return {};
  }
}

/**
 * Writes what is published into `dir` (created if missing): the version files and their lists
 * under api/v1/frameworks/, the latest CFPackage of each framework under ims/case/v1p1/CFPackages/.
 */
export async function writeStaticCopy({ dir }: { dir: string }): Promise<StaticCopyReport> {
  const root = path.resolve(dir);
  fs.mkdirSync(root, { recursive: true });
  const { baseUri } = exportOptions();
  const rewriteAll = readMarker(root).baseUri !== baseUri;
  const report: StaticCopyReport = { dir: root, written: [], kept: 0, files: 0, skipped: [] };
  const count = (changed: boolean) => void (changed && report.files++);

  for (const f of listPublishedFrameworks()) {
    if (!SAFE_SEGMENT.test(f.code)) {
      report.skipped.push(f.code);
      continue;
    }
    const folder = path.join(root, "api", "v1", "frameworks", f.code, "versions");
    for (const v of listVersions({ mdoId: f.mdoId })) {
      const jsonFile = path.join(folder, `${v.number}${EXPORT_FORMAT_INFO.json.extension}`);
      if (!rewriteAll && fs.existsSync(jsonFile)) {
        report.kept++;
        continue;
      }
      for (const format of FORMAT_ORDER) {
        const file = await publishedFile({ mdoId: f.mdoId, number: v.number, format });
        if (!file) throw new Error(`version ${v.number} of ${f.code} vanished while the static copy was written`);
        const info = EXPORT_FORMAT_INFO[format];
        count(await put(path.join(folder, `${v.number}${info.extension}`), file.bytes, file.sha256, !info.binary));
      }
      report.written.push(`${f.code}/${v.number}`);
    }
    count(await putJson(path.join(folder, "index.json"), versionsListBody({ id: f.mdoId, code: f.code, name: f.name })));
  }
  count(await putJson(path.join(root, "api", "v1", "frameworks", "index.json"), frameworksListBody()));

  for (const doc of await listCaseDocuments()) {
    const pkg = await findCaseObject("CFPackages", doc.identifier);
    if (pkg) count(await putJson(path.join(root, "ims", "case", "v1p1", "CFPackages", `${doc.identifier}.json`), pkg));
  }
  const marker = Buffer.from(JSON.stringify({ baseUri }) + "\n", "utf8");
  await put(path.join(root, MARKER), marker, sha256Hex(marker), false);
  return report;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * With STATIC_DIR set, brings the static copy up to date after a publication (in the background,
 * one run at a time); a failure is logged and the next publication tries again.
 */
export function scheduleStaticCopy(): Promise<unknown> {
  const dir = staticCopyDir();
  if (!dir) return queue;
  queue = queue
    .then(() => writeStaticCopy({ dir }))
    .then(
      (r) => r.written.length && console.log(`FRAC Studio: static copy in ${r.dir} updated (${r.written.join(", ")})`),
      (e: unknown) => console.error(`FRAC Studio: the static copy in ${dir} could not be written: ${e instanceof Error ? e.message : String(e)}`),
    );
  return queue;
}
