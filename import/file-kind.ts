/**
 * What kind of file the bytes are, decided from their first bytes (and, for a zip, the names
 * inside it), never from the name alone: a workbook, JSON, delimited text, or something we
 * refuse with a message that says what it is and how to save it instead.
 */
import { ImportError } from "./findings";
import { readZipDirectory } from "./zip-directory";

export type FileKind = "workbook" | "json" | "text";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const SAVE_AS = "Open it in Excel or LibreOffice and save it as .xlsx or CSV UTF-8, then import that file.";
const SAVE_AS_TEXT = { key: "importFile.saveAs" };

/** The kind of an uploaded file; throws an ImportError for files that are no spreadsheet we read. */
export function fileKind(fileName: string, bytes: Uint8Array): FileKind {
  const starts = (magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
  const lower = fileName.toLowerCase();
  if (starts(ZIP)) return zipKind(bytes);
  if (starts(OLE) || lower.endsWith(".xls")) {
    throw new ImportError("old_excel_format", `This is an old Excel .xls workbook. ${SAVE_AS}`, 400, { text: { key: "importFile.oldExcel", params: { saveAs: SAVE_AS_TEXT } } });
  }
  if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) {
    throw new ImportError(
      "unreadable_workbook",
      "This file is named .xlsx but is not an Excel workbook. Save it again from Excel or LibreOffice.",
      400,
      { text: { key: "importFile.namedXlsx" } },
    );
  }
  return lower.endsWith(".json") ? "json" : "text";
}

const MARKUP = /^\s*<(?:\?xml|!doctype|html|table|workbook)/iu;

/** Throws for decoded text that is markup (an "XML Spreadsheet 2003", a web page saved as .xls or .csv) rather than a sheet. */
export function refuseMarkup(text: string): void {
  if (!MARKUP.test(text.slice(0, 512))) return;
  throw new ImportError("not_a_spreadsheet", `This is an XML or web-page (HTML) file, not a CSV. ${SAVE_AS}`, 400, { text: { key: "importFile.markup", params: { saveAs: SAVE_AS_TEXT } } });
}

// A zip is an .xlsx only when it holds a workbook part; other zips say what they are.
function zipKind(bytes: Uint8Array): FileKind {
  const names = zipEntryNames(bytes);
  if (names === null) {
    throw new ImportError("unreadable_workbook", `This file starts like a zip or .xlsx file but is damaged or cut short. ${SAVE_AS}`);
  }
  if (names.includes("xl/workbook.xml")) return "workbook";
  if (names.includes("xl/workbook.bin")) {
    throw new ImportError("unreadable_workbook", `This is an Excel binary workbook (.xlsb). ${SAVE_AS}`);
  }
  if (names.includes("content.xml") && names.includes("mimetype")) {
    const what = openDocumentType(bytes) === "spreadsheet" ? "an OpenDocument spreadsheet (.ods)" : "an OpenDocument file";
    throw new ImportError("opendocument_format", `This is ${what}, which FRAC Studio does not read. ${SAVE_AS}`);
  }
  const what = names.includes("word/document.xml")
    ? "a Word document"
    : names.includes("ppt/presentation.xml")
      ? "a PowerPoint presentation"
      : `a zip archive of other files (${names.slice(0, 3).join(", ") || "empty"})`;
  throw new ImportError("unreadable_workbook", `This file is ${what}, not an Excel workbook. ${SAVE_AS}`);
}

/** The file names a zip's central directory lists, or null when it cannot be found. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  return readZipDirectory(bytes)?.map((e) => e.name) ?? null;
}

// OpenDocument files store an uncompressed "mimetype" entry first, e.g. "application/vnd.oasis.opendocument.spreadsheet".
function openDocumentType(bytes: Uint8Array): string | null {
  const head = new TextDecoder().decode(bytes.subarray(0, 200));
  return /opendocument\.([a-z]+)/u.exec(head)?.[1] ?? null;
}
