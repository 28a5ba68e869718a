/** `frac export`: writes a ministry's framework in an interchange format (docs/interchange.md). */
import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { loadDraftDocument } from "~/models/framework.server";
import { getMdoByCode } from "~/models/mdo.server";
import { EXPORT_FORMATS, exportChunks, isExportFormat } from "../../../export/index";
import { complain, EXIT, parse, UsageError, type Command } from "../args";

export const exportCommand: Command = {
  name: "export",
  summary: "Export a ministry's framework (the draft: its working copy) as JSON, CSV, XLSX or a CASE 1.1 package.",
  usage: `frac export --mdo CODE --format ${EXPORT_FORMATS.join("|")} [--version draft] [-o FILE]`,
  help: [
    "Options:",
    "  --mdo CODE        the ministry's code, e.g. CBIC (see `frac list`)",
    "  --format FORMAT   json  the FracDocument (schemas/frac-document.schema.json); the default",
    "                    csv   the flat layout the import reads: one row per position → role → activity → competency",
    "                    xlsx  a workbook with a sheet per node kind and one for the links (needs -o or a redirect)",
    "                    case  a CASE 1.1 CFPackage (1EdTech), with proficiency scales as rubrics",
    "  --version draft   which version; the draft (working copy, whatever its review state) is the default",
    "  -o, --output FILE write to FILE instead of standard output",
    "",
    "The output is deterministic: two exports of an unchanged draft are byte-identical (JSON, CSV, CASE).",
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
    if (values.version !== undefined && values.version !== "draft") {
      throw new UsageError(`version "${values.version}" is not available: no published versions exist yet; use --version draft`);
    }
    if (format === "xlsx" && !values.output && process.stdout.isTTY) {
      throw new UsageError("xlsx is a binary format and standard output is a terminal: give -o FILE or redirect the output");
    }
    const mdo = getMdoByCode({ code: values.mdo });
    if (!mdo) {
      complain(`no active MDO with code "${values.mdo}" (see \`frac list\`)`);
      return EXIT.usage;
    }
    const doc = loadDraftDocument({ mdoId: mdo.id });
    if (!doc) {
      complain(`${mdo.code} has no framework yet`);
      return EXIT.usage;
    }
    const chunks = exportChunks(doc, format);
    if (!values.output) {
      await writeChunks(process.stdout, chunks);
      return EXIT.ok;
    }
    await writeAtomically(values.output, chunks);
    process.stderr.write(`Wrote ${mdo.code} draft (${doc.nodes.length} nodes, ${doc.links.length} links) to ${values.output}\n`);
    return EXIT.ok;
  },
};

/** Writes the chunks as they come, waiting whenever the stream asks to (large exports never sit in memory whole). */
async function writeChunks(out: Writable, chunks: AsyncIterable<string | Buffer>): Promise<void> {
  for await (const chunk of chunks) {
    if (!out.write(chunk)) await once(out, "drain");
  }
}

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
async function writeAtomically(file: string, chunks: AsyncIterable<string | Buffer>): Promise<void> {
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
