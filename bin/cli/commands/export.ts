/** `frac export`: writes a ministry's framework in an interchange format. */
import fs from "node:fs";
import path from "node:path";
import { loadDraftDocument } from "~/models/framework.server";
import { getMdoByCode } from "~/models/mdo.server";
import { complain, EXIT, parse, UsageError, type Command } from "../args";

const FORMATS = ["json"] as const;

export const exportCommand: Command = {
  name: "export",
  summary: "Export a ministry's framework (the draft: its working copy) as a FracDocument.",
  usage: "frac export --mdo CODE --format json [--version draft] [-o FILE]",
  help: [
    "Options:",
    "  --mdo CODE        the ministry's code, e.g. CBIC (see `frac list`)",
    "  --format json     the format; json is the FracDocument (schemas/frac-document.schema.json)",
    "  --version draft   which version; the draft (working copy, whatever its review state) is the default",
    "  -o, --output FILE write to FILE instead of standard output",
    "",
    "The output is deterministic: two exports of an unchanged draft are byte-identical.",
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
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`unknown format "${format}"; available: ${FORMATS.join(", ")}`);
    }
    if (values.version !== undefined && values.version !== "draft") {
      throw new UsageError(`version "${values.version}" is not available: no published versions exist yet; use --version draft`);
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
    const text = JSON.stringify(doc, null, 2) + "\n";
    if (!values.output) {
      process.stdout.write(text);
      return EXIT.ok;
    }
    writeAtomically(values.output, text);
    process.stderr.write(`Wrote ${mdo.code} draft (${doc.nodes.length} nodes, ${doc.links.length} links) to ${values.output}\n`);
    return EXIT.ok;
  },
};

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
function writeAtomically(file: string, text: string): void {
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}
