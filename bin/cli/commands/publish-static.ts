/** `frac publish-static DIR`: every published version as static files at the read API's paths (docs/deploy.md). */
import fs from "node:fs";
import { EXIT, parse, UsageError, type Command } from "../args";

export const publishStaticCommand: Command = {
  name: "publish-static",
  summary: "Write every published version in every format, at the read API's paths, into DIR for a web server or CDN.",
  usage: "frac publish-static DIR [--json]",
  help: [
    "Options:",
    "  --json   print { dir, written, kept, files, skipped } as JSON",
    "",
    "Writes DIR/api/v1/frameworks/CODE/versions/N.json, N.csv, N.xlsx and N.case.json, the lists as",
    "DIR/api/v1/frameworks/index.json and …/CODE/versions/index.json, and each framework's latest",
    "CASE package as DIR/ims/case/v1p1/CFPackages/ID.json; text files get .br and .gz siblings.",
    "The bytes are those the read API serves with the same APP_URL (set it as for the server).",
    "Idempotent and incremental: versions already in DIR are left alone; run it after each publication,",
    "or set STATIC_DIR for the server to do it itself. docs/deploy.md shows how to serve DIR.",
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parse(argv, { json: { type: "boolean" } }, true);
    if (positionals.length !== 1) throw new UsageError("name exactly one DIR to write into");
    const dir = positionals[0];
    if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new UsageError(`${dir} exists and is not a folder`);
    const { writeStaticCopy } = await import("~/models/publication/static-copy.server");
    const report = await writeStaticCopy({ dir });
    if (values.json) {
      process.stdout.write(JSON.stringify(report) + "\n");
      return EXIT.ok;
    }
    const written = report.written.length ? `wrote ${report.written.length} ${report.written.length === 1 ? "version" : "versions"} (${report.written.join(", ")})` : "no new versions";
    process.stdout.write(`Static copy in ${report.dir}: ${written}; ${report.kept} already there; ${report.files} files created or replaced.\n`);
    for (const code of report.skipped) process.stderr.write(`frac: left out ${code}: its code cannot be a folder name\n`);
    return EXIT.ok;
  },
};
