/**
 * Text → rows for delimited files (CSV, semicolon CSV, tab-separated "Unicode text").
 * papaparse does the parsing, in array mode and from one string (the fastest way measured
 * in docs/baselines.md); this module picks the delimiter and turns parse problems into findings.
 */
import Papa from "papaparse";
import { LIMITS } from "@schemas/limits";
import { ImportError, type ImportFinding } from "./findings";

export const DELIMITERS = [",", ";", "\t"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export type DelimitedRows = {
  delimiter: Delimiter;
  /** Every record as cells; row i is spreadsheet row i + 1. Trailing empty rows are dropped. */
  rows: string[][];
  /** Rows papaparse could not read cleanly (unbalanced quotes): errors with their row number. */
  findings: ImportFinding[];
};

// Enough lines to see a pattern, few enough to cost nothing on a 100 MB file.
const SNIFF_CHARS = 64 * 1024;
const SNIFF_RECORDS = 20;

/** Parses delimited text into rows; at most `maxRows` data rows (past the header) are accepted, else an ImportError 413. */
export function parseDelimited(text: string, options: { maxRows?: number } = {}): DelimitedRows {
  const maxRows = options.maxRows ?? LIMITS.IMPORT_ROWS_MAX;
  const delimiter = detectDelimiter(text);
  // why preview: parsing stops a little past the limit instead of reading a 10-million-row file.
  const result = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false, preview: maxRows + 3 });
  const rows = result.data;
  while (rows.length > 0 && isBlankRow(rows[rows.length - 1])) rows.pop();
  if (rows.length - 1 > maxRows) throw tooManyRows(maxRows);
  const findings: ImportFinding[] = [];
  const reported = new Set<number>();
  for (const error of result.errors) {
    if (error.type !== "Quotes" || error.row === undefined || reported.has(error.row)) continue;
    reported.add(error.row);
    findings.push({
      row: error.row + 1,
      severity: "error",
      code: "csv_quotes",
      message:
        error.code === "MissingQuotes"
          ? `A quoted cell on row ${error.row + 1} is never closed, so everything after it was read as one cell. Check the quotation marks on this row.`
          : `A cell on row ${error.row + 1} has a quotation mark in the wrong place (text after its closing quote). Double the quotes inside quoted text ("").`,
    });
  }
  return { delimiter, rows, findings };
}

/** The ImportError for a file with more than `maxRows` data rows. */
export function tooManyRows(maxRows: number): ImportError {
  return new ImportError(
    "too_many_rows",
    `The file has more than ${maxRows.toLocaleString("en-IN")} rows, the most one import accepts. Split it into several files.`,
    413,
    { text: { key: "importFile.tooManyRows", params: { max: maxRows.toLocaleString("en-IN") } } },
  );
}

function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === "");
}

/**
 * The delimiter whose count per record is the same, and highest, over the first records,
 * counting only outside quotes; a comma when nothing else fits (a one-column file).
 */
export function detectDelimiter(text: string): Delimiter {
  const counts = countPerRecord(text.slice(0, SNIFF_CHARS), text.length > SNIFF_CHARS);
  let best: Delimiter = ",";
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const perRecord = counts.map((c) => c[delimiter]);
    const first = perRecord[0] ?? 0;
    if (first === 0) continue;
    const consistent = perRecord.filter((n) => n === first).length / perRecord.length;
    // Consistency first (a comma inside a description must not beat a tab in every row), then frequency.
    const score = consistent * 1000 + Math.min(first, 999);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

type Counts = Record<Delimiter, number>;

function countPerRecord(sample: string, truncated: boolean): Counts[] {
  const records: Counts[] = [];
  let current: Counts = { ",": 0, ";": 0, "\t": 0 };
  let inQuotes = false;
  let nonEmpty = false;
  for (let i = 0; i < sample.length && records.length < SNIFF_RECORDS; i++) {
    const ch = sample[i];
    if (ch === '"') {
      inQuotes = !inQuotes;
      nonEmpty = true;
    } else if (!inQuotes && (ch === "\n" || ch === "\r")) {
      if (ch === "\r" && sample[i + 1] === "\n") i++;
      if (nonEmpty) records.push(current);
      current = { ",": 0, ";": 0, "\t": 0 };
      nonEmpty = false;
    } else if (!inQuotes && (ch === "," || ch === ";" || ch === "\t")) {
      current[ch]++;
      nonEmpty = true;
    } else if (ch.trim() !== "") {
      nonEmpty = true;
    }
  }
  // A last record cut off by the sample boundary would spoil the consistency count.
  if (nonEmpty && !truncated && records.length < SNIFF_RECORDS) records.push(current);
  return records;
}
