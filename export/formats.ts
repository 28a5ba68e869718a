/** The export formats and what a download of each needs; no exporter code, so the CLI can name them without loading one. */
export const EXPORT_FORMATS = ["json", "csv", "xlsx", "case"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What a download of each format needs: its media type and file-name ending. */
export const EXPORT_FORMAT_INFO: Record<ExportFormat, { contentType: string; extension: string; binary: boolean }> = {
  json: { contentType: "application/json; charset=utf-8", extension: ".json", binary: false },
  csv: { contentType: "text/csv; charset=utf-8", extension: ".csv", binary: false },
  xlsx: {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extension: ".xlsx",
    binary: true,
  },
  case: { contentType: "application/json; charset=utf-8", extension: ".case.json", binary: false },
};

/** True when the text names an export format. */
export function isExportFormat(text: string): text is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(text);
}
