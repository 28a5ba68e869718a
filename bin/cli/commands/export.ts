/** `frac export`: writes a ministry's framework in an interchange format (docs/interchange.md). */
import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { EXPORT_FORMATS, isExportFormat } from "@export/formats";
import { complain, EXIT, parse, UsageError, type Command } from "../args";

export const exportCommand: Command = {
  name: "export",
  summary: "Export a ministry's framework (a published version, or the draft: its working copy) as JSON, CSV, XLSX or a CASE 1.1 package.",
  usage: `frac export --mdo CODE --format ${EXPORT_FORMATS.join("|")} [--version N|draft] [-o FILE]`,
  help: [
    "Options:",
    "  --mdo CODE        the ministry's code, e.g. CBIC (see `frac list`)",
    "  --format FORMAT   json  the FracDocument (schemas/frac-document.schema.json); the default",
    "                    csv   the flat layout the import reads: one row per position → role → activity → competency",
    "                    xlsx  a workbook with a sheet per node kind and one for the links (needs -o or a redirect)",
    "                    case  a CASE 1.1 CFPackage (1EdTech), with proficiency scales as rubrics",
    "  --version N       a published version, from its stored snapshot: the same bytes the read API serves",
    "                    (CSV, CASE and JSON; an XLSX has the same cells)",
    "  --version draft   the draft (working copy, whatever its review state); the default",
    "  -o, --output FILE write to FILE instead of standard output",
    "",
    "The output is deterministic: two exports of a version or of an unchanged draft are byte-identical (JSON, CSV, CASE).",
    "CASE uris start with APP_URL (default http://localhost:PORT, PORT 3000), as the server's do.",
    "docs/interchange.md describes every format.",
  ].join("\n"),
  async run(argv) {
    const { values } = parse(argv, {
      mdo: { type: "string" },
      format: { type: "string" },
      version: { type: "string" },
      output: { type: "string", short: "o" },
    });
    if (!values.mdo) throw new UsageError("--mdo CODE is required");
    const format = values.format ?? "json";
    if (!isExportFormat(format)) {
      throw new UsageError(`unknown format "${format}"; available: ${EXPORT_FORMATS.join(", ")}`);
    }
    const version = parseVersion(values.version);
    if (format === "xlsx" && !values.output && process.stdout.isTTY) {
      throw new UsageError("xlsx is a binary format and standard output is a terminal: give -o FILE or redirect the output");
    }
    const [{ draftExport, publishedExport }, { getMdoByCode }, { getPublishedVersionNumber }] = await Promise.all([
      import("~/models/publication/export.server"),
      import("~/models/access/mdos.server"),
      import("~/models/publication/versions.server"),
    ]);
    const mdo = getMdoByCode({ code: values.mdo });
    if (!mdo) {
      complain(`no active MDO with code "${values.mdo}" (see \`frac list\`)`);
      return EXIT.usage;
    }
    const source = version === "draft" ? draftExport({ mdoId: mdo.id, format }) : publishedExport({ mdoId: mdo.id, number: version, format });
    if (!source) {
      complain(version === "draft" ? `${mdo.code} has no framework yet` : missingVersion(mdo.code, version, getPublishedVersionNumber({ mdoId: mdo.id })));
      return EXIT.usage;
    }
    if (!values.output) {
      await writeChunks(process.stdout, source.chunks);
      return EXIT.ok;
    }
    await writeAtomically(values.output, source.chunks);
    const which = version === "draft" ? "draft" : `version ${version}`;
    process.stderr.write(`Wrote ${mdo.code} ${which} (${source.nodes} nodes, ${source.links} links) to ${values.output}\n`);
    return EXIT.ok;
  },
};

/** `--version`: absent or "draft" for the working copy, else a version number; anything else is a usage error. */
function parseVersion(raw: string | undefined): number | "draft" {
  if (raw === undefined || raw === "draft") return "draft";
  if (!/^[1-9][0-9]{0,8}$/u.test(raw)) throw new UsageError(`--version takes a version number (1, 2, …) or "draft", not "${raw}"`);
  return Number(raw);
}

// why exit 2 and not 1: nothing was read that could be invalid; the call names a version that is not there, like an unknown --mdo.
function missingVersion(code: string, asked: number, latest: number | null): string {
  const known = latest === null ? "none is published yet; use --version draft" : latest === 1 ? "only version 1 is published" : `the published versions are 1 to ${latest}`;
  return `${code} has no version ${asked}: ${known}`;
}

/** Writes the chunks as they come, waiting whenever the stream asks to (large exports never sit in memory whole). */
async function writeChunks(out: Writable, chunks: AsyncIterable<string | Buffer>): Promise<void> {
  for await (const chunk of chunks) {
    if (!out.write(chunk)) await once(out, "drain");
  }
}

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
export async function writeAtomically(file: string, chunks: AsyncIterable<string | Buffer>): Promise<void> {
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  const out = fs.createWriteStream(tmp);
  try {
    await writeChunks(out, chunks);
    out.end();
    await once(out, "finish");
    fs.renameSync(tmp, file);
  } catch (e) {
    out.destroy();
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
