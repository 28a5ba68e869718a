/**
 * One data row of a flat-layout sheet: its cells by key, cleaned as records hold them, and the
 * findings raised while reading it, each pointing at the row and the column's header as the
 * file spells it.
 */
import { flatColumn, type FlatKey, type HeaderMatch } from "@schemas/flat-layout";
import { cleanCell, cleanName, controlCharacterFinding, lengthFinding, lostCharactersFinding, mayBeUnreadable } from "./cells";
import { shownValue, type ImportFinding, type ImportFindingCode } from "./findings";

/** Where the header is and which column holds which key: a detected or user-mapped flat layout. */
export type FlatColumns = HeaderMatch & { headerRow: number; headers: string[] };

/**
 * Cleaned cells by their raw text, shared by all rows of a sheet. A flat file repeats each
 * node's name and description on every row of its chains; cleaning each text once, and
 * handing out one string for all its copies, halves the time and memory of a large file.
 */
export type CellCache = { text: Map<string, string>; name: Map<string, string>; suspect: Set<string> };

/** An empty cache for one sheet. */
export function cellCache(): CellCache {
  return { text: new Map(), name: new Map(), suspect: new Set() };
}

/** A flat row being read: cell access by key, plus the findings about it. */
export class FlatRow {
  readonly findings: ImportFinding[] = [];

  constructor(
    private readonly cells: readonly string[],
    /** 1-based, as the user sees it. */
    readonly row: number,
    private readonly columns: FlatColumns,
    private readonly cache: CellCache = cellCache(),
  ) {}

  /** True when every mapped cell is empty: a spacer row, skipped without a finding. */
  isBlank(): boolean {
    return Object.values(this.columns.mapping).every((index) => (this.cells[index] ?? "").trim() === "");
  }

  /** True when the column exists in the sheet (its cells may still be empty). */
  has(key: FlatKey): boolean {
    return this.columns.mapping[key] !== undefined;
  }

  /** The cleaned cell text ("" when the column is absent). */
  text(key: FlatKey): string {
    return cached(this.cache.text, this.raw(key), cleanCell, this.cache.suspect);
  }

  /** The cell as a name: cleaned, whitespace runs made one space. */
  name(key: FlatKey): string {
    return cached(this.cache.name, this.raw(key), cleanName, this.cache.suspect);
  }

  /** The column's header as the file spells it, or the layout's own header. */
  header(key: FlatKey): string {
    const index = this.columns.mapping[key];
    const header = index === undefined ? "" : (this.columns.headers[index] ?? "").trim();
    return header === "" ? flatColumn(key).header : header;
  }

  /** Records a finding on this row and the key's column, quoting the cell. */
  report(key: FlatKey, code: ImportFindingCode, message: string, severity: "error" | "warning" = "error"): void {
    const value = shownValue(this.text(key));
    this.findings.push({ row: this.row, column: this.header(key), ...(value && { value }), severity, code, message });
  }

  /** Errors for text that cannot be imported as it is: too long, letters lost to "?", control characters. */
  checkText(key: FlatKey, value: string): void {
    const max = flatColumn(key).maxLength;
    const tooLong = max === undefined ? null : lengthFinding(this.row, this.header(key), value, max);
    if (tooLong) this.findings.push(tooLong);
    // why the set: texts are scanned once, when first cleaned, and in a clean file the set stays empty.
    if (this.cache.suspect.size === 0 || !this.cache.suspect.has(value)) return;
    const lost = lostCharactersFinding(this.row, this.header(key), value);
    const control = controlCharacterFinding(this.row, this.header(key), value);
    if (lost) this.findings.push(lost);
    if (control) this.findings.push(control);
  }

  /** True when reading the row raised an error: it then yields no record. */
  hasErrors(): boolean {
    return this.findings.some((finding) => finding.severity === "error");
  }

  private raw(key: FlatKey): string {
    const index = this.columns.mapping[key];
    return index === undefined ? "" : this.cells[index] ?? "";
  }
}

function cached(cache: Map<string, string>, raw: string, clean: (raw: string) => string, suspect: Set<string>): string {
  if (raw === "") return "";
  let value = cache.get(raw);
  if (value === undefined) {
    value = clean(raw);
    cache.set(raw, value);
    if (mayBeUnreadable(value)) suspect.add(value);
  }
  return value;
}
