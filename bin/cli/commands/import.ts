/** `frac import FILE --mdo CODE`: a spreadsheet or FracDocument into a ministry's draft, all or nothing. */
import path from "node:path";
import type { ImportFinding } from "@import/index";
import { complain, EXIT, parse, UsageError, type Command } from "../args";
import { readInputFile } from "../files";

export const importCommand: Command = {
  name: "import",
  summary: "Import a CSV/XLSX spreadsheet or a FracDocument JSON into a ministry's draft (all or nothing).",
  usage: "frac import FILE --mdo CODE [--dry-run] [--replace] [--sheet NAME] [--types-from-dictionary] [--json]",
  help: [
    "Options:",
    "  --mdo CODE     the ministry whose draft receives the file",
    "  --dry-run      only show what would change (the preview); write nothing",
    "  --replace      replace the draft by the file: nodes and links the file does not mention are removed",
    "                 (without it, an import only adds and updates, never removes)",
    "  --sheet NAME   the worksheet of an .xlsx file (default: the first visible one; FRAC Studio's own",
    "                 XLSX export is read whole unless a sheet is named)",
    "  --types-from-dictionary",
    "                 where a row's Competency type contradicts the dictionary (\"Active Listening\" as Domain),",
    "                 take the dictionary's type (a warning) instead of refusing the row (an error)",
    "  --json         print only the report: { created, updated, unchanged, findings, ok, applied } (counts per kind)",
    "",
    "Layouts: the flat layout (one row per chain: Position, Role, Activity, Competency, Required level…),",
    "FRAC Studio's own CSV and XLSX exports, the iGOT FRAC bulk-upload workbook, and a FracDocument JSON.",
    "Competency is a dictionary name or KCM code (BEH-001); Theme is its theme (or the theme itself, or empty).",
    "Exit codes: 0 imported (or a clean dry run); 1 the file has errors, nothing written; 2 unreadable or a wrong call.",
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parse(
      argv,
      { mdo: { type: "string" }, "dry-run": { type: "boolean" }, replace: { type: "boolean" }, sheet: { type: "string" }, json: { type: "boolean" }, "types-from-dictionary": { type: "boolean" } },
      true,
    );
    if (positionals.length !== 1) throw new UsageError("name exactly one FILE to import");
    if (!values.mdo) throw new UsageError("--mdo CODE is required");
    const file = positionals[0];
    const [{ ImportError }, { analyseForMdo, applyImportPlan, sha256Hex }, { getMdoByCode }] = await Promise.all([
      import("@import/index"),
      import("~/models/import/import.server"),
      import("~/models/access/mdos.server"),
    ]);
    const mdo = getMdoByCode({ code: values.mdo });
    if (!mdo) {
      complain(`no active MDO with code "${values.mdo}" (see \`frac list\`)`);
      return EXIT.usage;
    }
    const bytes = await readInputFile(file);
    if (bytes === null) return EXIT.usage;
    let result;
    try {
      result = await analyseForMdo({ mdoId: mdo.id, mdoCode: mdo.code, fileName: path.basename(file), bytes, sheet: values.sheet, mode: values.replace ? "replace" : "merge", typesFromDictionary: values["types-from-dictionary"] });
    } catch (e) {
      if (e instanceof ImportError) {
        complain(`${file}: ${e.message}`);
        return EXIT.usage;
      }
      throw e;
    }
    if (!result) {
      complain(`${mdo.code} has no framework yet`);
      return EXIT.usage;
    }
    const { analysis } = result;
    const plan = analysis.plan;
    if (!plan) {
      const why = analysis.findings.find((f) => f.code === "layout_unknown")?.message ?? "The columns were not recognised.";
      const sheetHint = (analysis.sheets?.length ?? 0) > 1 ? " Pick another sheet with --sheet NAME," : "";
      if (values.json) {
        const zero = { position: 0, role: 0, activity: 0, competency: 0, link: 0 };
        const report = { created: zero, updated: zero, unchanged: zero, findings: analysis.findings, ok: false, applied: false, layout: analysis.layout };
        process.stdout.write(JSON.stringify(report, null, 2) + "\n");
      }
      complain(`${file}: ${why}${sheetHint || " In the CLI,"} rename the headers to the flat layout's (see the template on the app's import page), or map the columns on that page.`);
      return EXIT.invalid;
    }
    const errors = analysis.findings.filter((f) => f.severity === "error");
    const counts = { created: plan.created, updated: plan.updated, unchanged: plan.unchanged, removed: plan.removed };
    let applied = false;
    let unchanged = false;
    let message: string | null = null;
    if (errors.length === 0 && !values["dry-run"]) {
      const r = applyImportPlan({ mdoId: mdo.id, userId: null, plan, fileName: path.basename(file), sha256: sha256Hex(bytes), baseRevision: result.revision });
      applied = r.ok && !r.unchanged;
      unchanged = r.ok && r.unchanged;
      if (!r.ok) message = r.message;
    }
    if (values.json) {
      const report = {
        created: counts.created,
        updated: counts.updated,
        unchanged: counts.unchanged,
        ...(plan.mode === "replace" ? { removed: counts.removed } : {}),
        findings: analysis.findings,
        ok: errors.length === 0 && !message,
        applied,
        layout: analysis.layout,
        ...(message ? { message } : {}),
      };
      process.stdout.write(JSON.stringify(report, null, 2) + "\n");
    } else {
      for (const f of analysis.findings) process.stdout.write(formatFinding(f) + "\n");
      const line = (name: string, c: Record<string, number>) => `${name}: ${Object.entries(c).map(([k, n]) => `${n} ${k}`).join(", ")}`;
      process.stdout.write([line("create", counts.created), line("update", counts.updated), line("unchanged", counts.unchanged), ...(plan.mode === "replace" ? [line("remove", counts.removed)] : [])].join("\n") + "\n");
      if (message) process.stdout.write(`Nothing was imported: ${message}\n`);
      else if (errors.length) process.stdout.write(`Nothing was imported: ${errors.length} ${errors.length === 1 ? "error" : "errors"} in ${file}.\n`);
      else if (unchanged) process.stdout.write(`Nothing to change: ${mdo.code}'s draft already matches ${file}.\n`);
      else process.stdout.write(applied ? `Imported ${file} into ${mdo.code}'s draft.\n` : `Dry run: nothing was written.\n`);
    }
    return errors.length || message ? EXIT.invalid : EXIT.ok;
  },
};

function formatFinding(f: ImportFinding): string {
  const where = [f.sheet ? `sheet ${f.sheet}` : null, f.row ? `row ${f.row}` : null, f.path ?? null, f.column ? `column ${f.column}` : null].filter(Boolean).join(", ");
  const value = f.value !== undefined && f.value !== "" ? ` (value "${f.value}")` : "";
  // why no suggestions here: the message already says them ("Did you mean …"); printing them again doubled them.
  return visible(`${f.severity.padEnd(7)} ${where}${value}: ${f.message}`);
}

// why: a cell's control characters (an ESC starts a terminal escape sequence) are printed as \uXXXX, never sent to the terminal.
function visible(line: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return line.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
