/**
 * The rows of one sheet (CSV, or the chosen worksheet) → layout, preview, findings and plan:
 * the part of analyseImport that CSV and workbooks share.
 */
import type { AnalyseImportInput, ImportAnalysis } from "./analysis-types";
import { ImportError, type ImportFinding } from "./findings";
import { readIgotRecords } from "./igot";
import {
  applyColumnMapping,
  looksLikeCase,
  detectLevelsSheet,
  detectSheetLayout,
  suggestMapping,
  type IgotSheetLayout,
} from "./layouts";
import { previewRows } from "./plan";
import type { ImportPlan } from "./plan-types";
import { readFlatRecords, type ImportRecords } from "./records";
import type { WorkbookSheet } from "./xlsx";

export type Planner = (records: ImportRecords, findings: ImportFinding[]) => ImportPlan;
export type RowsAnalysis = Omit<ImportAnalysis, "fileKind" | "encoding" | "delimiter" | "sheets" | "sheet">;
/** The workbook a sheet came from (null for CSV): its name, and the other sheets, where iGOT levels may be. */
export type WorkbookContext = { sheetName: string; others: WorkbookSheet[] } | null;

const PREVIEW_ROWS = 20;

/** Detects the layout (or applies the user's mapping), reads the records and plans them. */
export function analyseRows(
  input: AnalyseImportInput,
  rows: string[][],
  parseFindings: ImportFinding[],
  workbook: WorkbookContext,
  plan: Planner,
): RowsAnalysis {
  if (!rows.some((row) => row.some((cell) => cell.trim() !== ""))) {
    throw new ImportError("empty_file", "The file has no rows to import.", 400, { text: { key: "importFile.noRows" } });
  }
  const layout = input.mapping
    ? applyColumnMapping(rows, input.mapping, input.headerRow)
    : detectSheetLayout(rows, { workbook: workbook !== null });
  const headerRow = layout.headerRow;
  const common = {
    headerRow,
    headers: layout.headers,
    preview: previewRows(rows, input.previewSize ?? PREVIEW_ROWS, headerRow ?? 0),
    rowCount: countDataRows(rows, headerRow ?? 0),
  };
  const findings = [...parseFindings];
  if (common.rowCount === 0) {
    findings.push({
      row: headerRow ?? 1,
      severity: "error",
      code: "no_rows",
      message: "The file has a header row but no data rows below it.",
    });
  }
  if (layout.layout === "unknown") {
    const message = unknownLayoutMessage(layout.headers, workbook);
    findings.push({ row: headerRow ?? 1, severity: "error", code: "layout_unknown", message });
    return { ...common, layout: "unknown", suggestedMapping: suggestMapping(layout.headers), findings, plan: null };
  }
  const records =
    layout.layout === "igot" ? readIgot(rows, layout, workbook, findings) : readFlat(rows, layout, input, findings);
  const result = plan(records, findings);
  return { ...common, layout: layout.layout, findings: result.findings, plan: result };
}

function readFlat(
  rows: string[][],
  layout: Parameters<typeof readFlatRecords>[1],
  input: AnalyseImportInput,
  findings: ImportFinding[],
): ImportRecords {
  // Level names of every scale in the dictionary count as level names, not just the default five.
  const levelNames = input.dictionary.flatMap((entry) => entry.scale.levels.map((level) => level.name));
  const read = readFlatRecords(rows, layout, { levelNames });
  findings.push(...read.findings);
  return { chains: read.chains, competencies: [] };
}

function readIgot(
  rows: string[][],
  layout: IgotSheetLayout,
  workbook: WorkbookContext,
  findings: ImportFinding[],
): ImportRecords {
  if (layout.byPosition) {
    const message =
      "The headers were not recognised, so the columns were read by position as in the iGOT FRAC bulk-upload workbook. Check the preview before applying.";
    findings.push({ row: layout.headerRow ?? 1, severity: "warning", code: "read_by_position", message });
  }
  // The levels are on another sheet of the same workbook (the tool's second sheet).
  const levels = (workbook?.others ?? [])
    .map((sheet) => ({ sheet, columns: detectLevelsSheet(sheet.rows) }))
    .find((candidate) => candidate.columns !== null);
  const read = readIgotRecords(
    { name: workbook?.sheetName ?? "Sheet 1", rows, headerRow: layout.headerRow, columns: layout.columns },
    levels?.columns ? { name: levels.sheet.name, rows: levels.sheet.rows, ...levels.columns } : undefined,
  );
  findings.push(...read.findings);
  return { chains: [], competencies: read.competencies };
}

function countDataRows(rows: readonly string[][], headerRow: number): number {
  let n = 0;
  for (let i = headerRow; i < rows.length; i++) if (rows[i].some((cell) => cell.trim() !== "")) n++;
  return n;
}

const MAP_FIELDS = "the fields Position, Role, Activity, Competency and Required level";
const SHOWN_HEADERS = 6;

// What the user most needs to hear about a sheet we cannot read: that it is a CASE file, or
// that the data may be on another sheet of the workbook.
function unknownLayoutMessage(headers: readonly string[], workbook: WorkbookContext): string {
  const named = headers.map((h) => h.trim()).filter((h) => h !== "");
  const list = named.slice(0, SHOWN_HEADERS).join(", ") + (named.length > SHOWN_HEADERS ? ", …" : "");
  if (looksLikeCase(headers)) {
    return `This is a CASE competency framework spreadsheet (columns ${list}), as OpenSALT writes, not a FRAC sheet of positions, roles, activities and competencies. It cannot be imported as it is; if its columns do hold those, map them to ${MAP_FIELDS}.`;
  }
  const others = (workbook?.others ?? []).filter((s) => !s.hidden).map((s) => `"${s.name}"`);
  const sheets = others.length > 0 ? ` The workbook has other sheets too (${others.join(", ")}); choose one if the data is there.` : "";
  return `The columns (${list}) were not recognised. Map them to ${MAP_FIELDS}, or start from the template.${sheets}`;
}
