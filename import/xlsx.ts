/**
 * .xlsx bytes → rows of text per worksheet, with exceljs. Cells read as the user sees them:
 * a formula as its cached result (never evaluated: a workbook must not run anything here),
 * a date as an ISO date, rich text as plain text, and a merged range's value in every cell of
 * the range, since a position name merged over its five rows means "these five rows".
 */
import ExcelJS from "exceljs";
import { LIMITS } from "@schemas/limits";
import { columnLetter } from "./cells";
import { tooManyRows } from "./csv";
import { ImportError, type ImportFinding } from "./findings";
import { assertZipWithinBudget } from "./zip-budget";

export type WorkbookSheet = {
  name: string;
  hidden: boolean;
  /** Row i is worksheet row i + 1; trailing empty rows and cells are dropped. */
  rows: string[][];
  /** Cells whose formula has no cached result (the workbook was never recalculated and saved). */
  findings: ImportFinding[];
};

/** Reads every worksheet of an .xlsx file; throws an ImportError when it is not one, or has more than `maxRows` rows. */
export async function readWorkbook(
  bytes: Uint8Array,
  options: { maxRows?: number } = {},
): Promise<{ sheets: WorkbookSheet[] }> {
  const maxRows = options.maxRows ?? LIMITS.IMPORT_ROWS_MAX;
  const workbook = await loadWorkbook(bytes);
  const sheets = workbook.worksheets.map((worksheet) => {
    // why before reading cells: the row count is known once the sheet is loaded, so a huge sheet is refused cheaply.
    if (worksheet.actualRowCount - 1 > maxRows) throw tooManyRows(maxRows);
    return readSheet(worksheet);
  });
  return { sheets };
}

/** The worksheets' names, in workbook order, with their row counts and whether they are hidden. */
export async function listSheets(bytes: Uint8Array): Promise<{ name: string; rowCount: number; hidden: boolean }[]> {
  const workbook = await loadWorkbook(bytes);
  return workbook.worksheets.map((w) => ({ name: w.name, rowCount: w.actualRowCount, hidden: w.state !== "visible" }));
}

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  // why first: exceljs unpacks every part into memory; a zip bomb must be refused from its directory alone.
  assertZipWithinBudget(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    // why the cast: exceljs declares its own global `Buffer extends ArrayBuffer`, which Node's
    // Buffer type no longer satisfies; at run time it hands the bytes to JSZip, which reads any Uint8Array.
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  } catch (cause) {
    throw new ImportError(
      "unreadable_workbook",
      "This file cannot be read as an Excel workbook (.xlsx). It may be damaged, protected with a password, or another kind of file. Open it in Excel or LibreOffice and save it as .xlsx or CSV.",
      400,
      { cause, text: { key: "importFile.badWorkbook" } },
    );
  }
  if (workbook.worksheets.length === 0) {
    throw new ImportError("unreadable_workbook", "This workbook has no worksheets, so there is nothing to import.", 400, { text: { key: "importFile.noWorksheets" } });
  }
  return workbook;
}

function readSheet(worksheet: ExcelJS.Worksheet): WorkbookSheet {
  const rows: string[][] = [];
  const findings: ImportFinding[] = [];
  const rowCount = worksheet.rowCount;
  for (let r = 1; r <= rowCount; r++) {
    const row = worksheet.getRow(r);
    const cells: string[] = [];
    // cellCount is the last column that holds a cell; merged cells included.
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      const value = cell.value;
      if (isFormula(value) && value.result === undefined) {
        findings.push({
          row: r,
          column: `column ${columnLetter(c - 1)}`,
          severity: "warning",
          code: "formula_without_value",
          message: `Cell ${cell.address} holds a formula with no saved result, so it was read as empty. Open the workbook in Excel or LibreOffice, let it recalculate, and save it.`,
        });
      }
      cells.push(cellText(value));
    }
    while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
    rows.push(cells);
  }
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return { name: worksheet.name, hidden: worksheet.state !== "visible", rows, findings };
}

type FormulaLike = { formula?: string; sharedFormula?: string; result?: unknown };

function isFormula(value: unknown): value is FormulaLike {
  return typeof value === "object" && value !== null && ("formula" in value || "sharedFormula" in value);
}

/** A cell value as text; merged cells already report their master's value through exceljs. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return isoDate(value);
  if (typeof value !== "object") return String(value);
  if (isFormula(value)) return cellText(value.result);
  if ("richText" in value && Array.isArray(value.richText)) {
    return value.richText.map((run: { text?: unknown }) => (typeof run.text === "string" ? run.text : "")).join("");
  }
  // A hyperlink shows its text, which may itself be rich text.
  if ("hyperlink" in value && "text" in value) return cellText(value.text);
  if ("error" in value && typeof value.error === "string") return value.error;
  return "";
}

// exceljs gives dates as UTC instants; a date without a time of day is written as a plain date.
function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(".000Z", "Z");
}
