/**
 * A small table (demand, the CBC dashboard) as CSV for spreadsheets, written the way the flat
 * export writes its file: UTF-8 with a byte-order mark, CRLF line ends, every cell neutralised
 * against formula injection (neutraliseCell) and quoted by papaparse where it must be.
 */
import Papa from "papaparse";
import { neutraliseCell } from "@schemas/flat-layout";
import { CSV_BOM } from "./csv";

/** The header row and the data rows as CSV text. */
export function tableCsv(headers: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const cells = [headers, ...rows].map((row) => row.map((value) => neutraliseCell(value === null || value === undefined ? "" : String(value))));
  return `${CSV_BOM}${Papa.unparse(cells, { newline: "\r\n" })}\r\n`;
}
