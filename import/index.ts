/**
 * The spreadsheet import's one entry: file bytes → layout, preview, findings and an
 * ImportPlan. Every stage is pure; the caller loads the draft snapshot and the dictionary
 * before, and applies the plan (one model call, one transaction) after.
 */
import { LIMITS } from "@schemas/limits";
import { parseDelimited } from "./csv";
import { decodeBytes } from "./decode";
import { readDocumentRecords } from "./document";
import { fileKind, refuseMarkup } from "./file-kind";
import { ImportError, type ImportFinding } from "./findings";
import { isExportWorkbook, readExportWorkbook } from "./export-workbook";
import { looksLikeJson } from "./layouts";
import type { AnalyseImportInput, ImportAnalysis } from "./analysis-types";
import { planImport } from "./plan";
import type { ImportRecords } from "./records";
import { analyseRows } from "./sheet-analysis";
import { readWorkbook, type WorkbookSheet } from "./xlsx";

export * from "./findings";
export type { AnalyseImportInput, ImportAnalysis } from "./analysis-types";
export type * from "./plan-types";
export { decodeBytes, type DecodedText, type TextEncoding } from "./decode";
export { DELIMITERS, parseDelimited, type Delimiter, type DelimitedRows } from "./csv";
export { listSheets, readWorkbook, type WorkbookSheet } from "./xlsx";
export * from "./layouts";
export { readFlatRecords, type ChainRecord, type CompetencyRecord, type ImportRecords } from "./records";
export { planImport, previewRows, describeCounts, type PlanImportInput, type PreviewRow } from "./plan";
export { flatTemplateCsv, flatTemplateRows, flatTemplateXlsx } from "./template";
export { documentRecords, readDocumentRecords } from "./document";
export { EXPORT_WORKBOOK_HEADERS, isExportWorkbook, readExportWorkbook } from "./export-workbook";
export { IGOT_COMPETENCY_KEYS, IGOT_LEVEL_KEYS, readIgotRecords } from "./igot";

/** Throws the 413 ImportError when a file is larger than the import accepts; call it before reading the body. */
export function checkFileSize(byteLength: number, max: number = LIMITS.IMPORT_FILE_BYTES_MAX): void {
  if (byteLength <= max) return;
  const mb = (n: number) => `${Math.ceil(n / (1024 * 1024)).toLocaleString("en-IN")} MB`;
  throw new ImportError(
    "file_too_large",
    `The file is ${mb(byteLength)}; at most ${mb(max)} can be imported at once. Split it into smaller files.`,
    413,
    { text: { key: "importFile.tooLarge", params: { size: mb(byteLength), max: mb(max) } } },
  );
}

/** Reads, checks and plans an import; throws an ImportError when the file cannot be read at all. */
export async function analyseImport(input: AnalyseImportInput): Promise<ImportAnalysis> {
  const { bytes } = input;
  checkFileSize(bytes.byteLength);
  if (bytes.byteLength === 0) throw new ImportError("empty_file", "The file is empty.", 400, { text: { key: "importFile.empty" } });
  const kind = fileKind(input.fileName, bytes);
  const plan = (records: ImportRecords, findings: ImportFinding[]) =>
    planImport({
      records,
      existing: input.existing,
      dictionary: input.dictionary,
      mdoCode: input.mdoCode,
      mode: input.mode,
      findings,
      typesFromDictionary: input.typesFromDictionary,
    });

  if (kind === "workbook") {
    const { sheets } = await readWorkbook(bytes);
    // FRAC Studio's own XLSX export is one framework across its sheets; naming a sheet reads that sheet alone, as before.
    if (input.sheet === undefined && isExportWorkbook(sheets)) {
      const { findings, ...records } = readExportWorkbook(sheets, input.mdoCode);
      const result = plan(records, findings);
      return {
        fileKind: kind,
        // why no sheet list: the page would offer to pick one sheet, while the whole workbook was read.
        layout: "frac-workbook",
        headerRow: null,
        headers: [],
        preview: [],
        rowCount: records.chains.length + records.competencies.length,
        findings: result.findings,
        plan: result,
      };
    }
    const sheet = pickSheet(sheets, input.sheet);
    const base = { fileKind: kind, sheets: sheets.map((s) => ({ name: s.name, hidden: s.hidden })), sheet: sheet.name };
    const others = sheets.filter((s) => s !== sheet);
    return { ...base, ...analyseRows(input, sheet.rows, sheet.findings, { sheetName: sheet.name, others }, plan) };
  }
  const { text, encoding } = decodeBytes(bytes);
  if (kind !== "json") refuseMarkup(text);
  if (kind === "json" || looksLikeJson(text)) {
    const { findings, ...records } = readDocumentRecords(text, input.mdoCode);
    const result = plan(records, findings);
    return {
      fileKind: "json",
      layout: "frac-json",
      encoding,
      headerRow: null,
      headers: [],
      preview: [],
      rowCount: records.chains.length + records.competencies.length,
      findings: result.findings,
      plan: result,
    };
  }
  const { delimiter, rows, findings } = parseDelimited(text);
  return { fileKind: "delimited", encoding, delimiter, ...analyseRows(input, rows, findings, null, plan) };
}

function pickSheet(sheets: WorkbookSheet[], wanted: string | undefined): WorkbookSheet {
  if (wanted === undefined) return sheets.find((s) => !s.hidden) ?? sheets[0];
  const sheet =
    sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.toLowerCase() === wanted.trim().toLowerCase());
  if (sheet) return sheet;
  const names = sheets.map((s) => `"${s.name}"`).join(", ");
  throw new ImportError("sheet_not_found", `The workbook has no sheet "${wanted}"; its sheets are ${names}.`, 400, { text: { key: "importFile.noSheet", params: { wanted, names } } });
}
