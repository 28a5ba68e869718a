/**
 * How much a workbook may unpack to. An .xlsx is a zip, and a megabyte or two of repeated bytes
 * can unpack to gigabytes (a "zip bomb") that exceljs would hold in memory, so a workbook is
 * measured from its zip directory before anything is unpacked.
 */
import { LIMITS } from "@schemas/limits";
import { ImportError } from "./findings";
import { readZipDirectory } from "./zip-directory";

/** The most a workbook of `fileBytes` may unpack to: 100× its size, at least 32 MB, never over 300 MB. */
export function unpackBudget(fileBytes: number): number {
  return Math.min(LIMITS.XLSX_UNPACKED_BYTES_MAX, Math.max(LIMITS.XLSX_UNPACK_RATIO_MAX * fileBytes, LIMITS.XLSX_UNPACKED_BYTES_FLOOR));
}

const RESAVE = "Save it again from Excel or LibreOffice, or export it as CSV.";

/**
 * Throws a 413 ImportError when the zip's directory says its parts unpack to more than the
 * budget, or that it holds more parts than a workbook has. A zip whose directory cannot be read
 * passes: the workbook reader then says the file is damaged.
 */
export function assertZipWithinBudget(bytes: Uint8Array): void {
  const entries = readZipDirectory(bytes);
  if (!entries) return;
  if (entries.length > LIMITS.XLSX_PARTS_MAX) {
    throw new ImportError(
      "unpacks_too_large",
      `This workbook was not opened: it holds ${entries.length.toLocaleString("en")} parts, more than the ${LIMITS.XLSX_PARTS_MAX.toLocaleString("en")} a workbook may have. ${RESAVE}`,
      413,
    );
  }
  const unpacked = entries.reduce((sum, e) => sum + e.unpackedBytes, 0);
  const budget = unpackBudget(bytes.byteLength);
  if (unpacked > budget) {
    throw new ImportError(
      "unpacks_too_large",
      `This workbook was not opened: its ${size(bytes.byteLength)} would unpack to ${size(unpacked)}, more than the ${size(budget)} a workbook of this size may unpack to. ${RESAVE}`,
      413,
    );
  }
}

function size(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
