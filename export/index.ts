/**
 * The exports: FracDocument → bytes, pure (no database, no app code), so the CLI, the resource
 * routes and the read API produce the same files. docs/interchange.md describes each format.
 */
import type { FracDocument } from "@schemas/frac-document";
import { caseChunks, type CaseOptions } from "./case";
import { csvChunks } from "./csv";
import { jsonChunks } from "./json";
import type { ExportFormat } from "./formats";
import { toXlsxBuffer } from "./xlsx";

export { buildCasePackage, caseChunks, type CaseOptions, type CFPackage } from "./case";
export { CASE_DEFAULT_BASE_URI, CASE_NAMESPACE, caseIds } from "./case-ids";
export { CSV_BOM, csvChunks, flatRows, toCsvText } from "./csv";
export { canonicalDocument, jsonChunks, toJsonText } from "./json";
export { toXlsxBuffer, writeXlsx, XLSX_SHEETS } from "./xlsx";

export { EXPORT_FORMAT_INFO, EXPORT_FORMATS, isExportFormat, type ExportFormat } from "./formats";

/**
 * The export as chunks (text formats) or one Buffer (xlsx, built in memory by exceljs).
 * CASE text is indented by 2 and ends with a newline, like the JSON export.
 */
export async function* exportChunks(
  doc: FracDocument,
  format: ExportFormat,
  options: CaseOptions = {},
): AsyncGenerator<string | Buffer> {
  switch (format) {
    case "json":
      yield* jsonChunks(doc);
      return;
    case "csv":
      yield* csvChunks(doc);
      return;
    case "case":
      yield* caseChunks(doc, { ...options, space: 2 });
      yield "\n";
      return;
    case "xlsx":
      yield await toXlsxBuffer(doc);
      return;
  }
}
