/**
 * What the import stages report. A finding points at one spreadsheet row (and column) and
 * never stops the analysis; an ImportError means the file cannot be read at all.
 * Codes are stable: the UI, the CLI's --json report and tests key on them.
 */
import type { CompetencyType } from "@schemas/enums";

export const IMPORT_FINDING_CODES = [
  "chain_gap",
  "characters_lost",
  "column_ignored",
  "competency_ambiguous",
  "competency_missing",
  "competency_theme_mismatch",
  "competency_type_taken",
  "competency_type_mismatch",
  "competency_type_unknown",
  "competency_unknown",
  "conflicting_value",
  "control_character",
  "csv_quotes",
  "dictionary_not_changed",
  "document_invalid",
  "document_other_mdo",
  "duplicate_name",
  "duplicate_row_key",
  "formula_without_value",
  "header_duplicate",
  "header_missing",
  "header_unknown",
  "id_invalid",
  "id_kind_mismatch",
  "id_taken",
  "importance_invalid",
  "link_importance_conflict",
  "layout_unknown",
  "level_invalid",
  "level_missing",
  "level_out_of_scale",
  "level_parent_unknown",
  "link_level_conflict",
  "name_missing",
  "no_rows",
  "read_by_position",
  "replace_nothing_to_replace",
  "resources_not_imported",
  "role_missing",
  "sanctioned_posts_invalid",
  "scale_invalid",
  "text_too_long",
  "value_without_name",
] as const;
export type ImportFindingCode = (typeof IMPORT_FINDING_CODES)[number];

export type ImportFinding = {
  /** 1-based row as the user sees it in Excel (the header is row 1); 0 when the input has no rows (JSON). */
  row: number;
  /** Header text of the column, or a cell address when the header is unknown. */
  column?: string;
  /** The cell's text, shortened when very long. */
  value?: string;
  severity: "error" | "warning";
  code: ImportFindingCode;
  message: string;
  /**
   * "Did you mean" candidates, e.g. dictionary names close to an unknown competency. The message
   * already says them: this is for programs (the --json report, the findings CSV), not to print again.
   */
  suggestions?: string[];
  /** On a competency_type_mismatch: the type the dictionary gives the competency, which the row should say. */
  dictionaryType?: CompetencyType;
  /** Worksheet the row belongs to, when a workbook has several that matter (iGOT levels sheet). */
  sheet?: string;
  /** JSON path for findings about a FracDocument, e.g. `links[3]`. */
  path?: string;
};

const SHOWN_VALUE_MAX = 120;

/** A cell value short enough to show in a findings table; a 100,000-character cell is cut with an ellipsis. */
export function shownValue(value: string): string {
  return value.length > SHOWN_VALUE_MAX ? `${value.slice(0, SHOWN_VALUE_MAX - 1)}…` : value;
}

/** True when any finding is an error: the import must not be applied. */
export function hasImportErrors(findings: readonly ImportFinding[]): boolean {
  return findings.some((finding) => finding.severity === "error");
}

/** Findings in the order a person reads a sheet: by row, errors before warnings, then by column. */
export function sortFindings(findings: readonly ImportFinding[]): ImportFinding[] {
  return [...findings].sort(
    (a, b) =>
      (a.sheet ?? "").localeCompare(b.sheet ?? "") ||
      a.row - b.row ||
      (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) ||
      (a.column ?? "").localeCompare(b.column ?? ""),
  );
}

export const IMPORT_ERROR_CODES = [
  "binary_file",
  "empty_file",
  "file_too_large",
  "invalid_case_package",
  "invalid_encoding",
  "invalid_json",
  "invalid_mapping",
  "not_a_spreadsheet",
  "old_excel_format",
  "opendocument_format",
  "sheet_not_found",
  "too_many_rows",
  "unpacks_too_large",
  "unreadable_workbook",
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/**
 * The file as a whole cannot be imported: too big, not text, not a workbook. `message` is
 * written for the person who uploaded it; `status` is the HTTP status a route answers with
 * (413 for limits, 400 otherwise), and the CLI exits 2 ("unreadable").
 */
/**
 * The message as a key of the interface's `refusals` messages ("importFile.empty") and its params,
 * so a page can say it in the reader's language; a param may itself be such a text.
 */
export type ImportErrorText = { key: string; params?: { [name: string]: string | number | ImportErrorText } };

export class ImportError extends Error {
  readonly status: number;
  readonly code: ImportErrorCode;
  readonly text?: ImportErrorText;

  constructor(code: ImportErrorCode, message: string, status = 400, options?: { cause?: unknown; text?: ImportErrorText }) {
    super(message, options);
    this.name = "ImportError";
    this.code = code;
    this.status = status;
    if (options?.text) this.text = options.text;
  }
}
