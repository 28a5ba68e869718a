/**
 * Which layout a sheet is in, decided from its header row: the flat layout (and FRAC Studio's
 * own export, which is the flat layout with id columns), the iGOT bulk-upload workbook, or
 * unknown, in which case the UI asks the user to map columns and applyColumnMapping reads it.
 */
import {
  FLAT_COLUMNS,
  FLAT_KEYS,
  flatKeyForHeader,
  matchHeaders,
  normaliseHeader,
  type FlatKey,
} from "@schemas/flat-layout";
import { ImportError } from "./findings";
import {
  IGOT_COMPETENCY_HEADERS,
  IGOT_COMPETENCY_KEYS,
  IGOT_LEVEL_HEADERS,
  IGOT_LEVEL_KEYS,
  type IgotColumns,
  type IgotCompetencyKey,
  type IgotLevelKey,
} from "./igot";
import type { FlatColumns } from "./records";

export type ImportLayout = "flat" | "frac-export" | "igot" | "frac-json" | "frac-workbook" | "unknown";

export type FlatSheetLayout = FlatColumns & { layout: "flat" | "frac-export" };
export type IgotSheetLayout = IgotColumns<IgotCompetencyKey> & {
  layout: "igot";
  headers: string[];
  byPosition: boolean;
};
export type IgotLevelsLayout = IgotColumns<IgotLevelKey> & { byPosition: boolean };
export type UnknownSheetLayout = { layout: "unknown"; headerRow: number; headers: string[] };
export type SheetLayout = FlatSheetLayout | IgotSheetLayout | UnknownSheetLayout;

/** A user's mapping from the file's header texts to flat keys; null or absent leaves a column unused. */
export type UserMapping = Record<string, FlatKey | null>;

// Title rows ("CBIC FRAC, March 2025") often sit above the header.
const HEADER_SEARCH_ROWS = 10;
const NODE_KEYS: readonly FlatKey[] = ["position", "role", "activity", "competency"];
const ID_KEYS: readonly FlatKey[] = ["positionId", "roleId", "activityId", "competencyId"];

/** Detects the layout of a sheet. `workbook`: the rows come from an .xlsx, where the iGOT layout may be read by position. */
export function detectSheetLayout(rows: readonly string[][], options: { workbook?: boolean } = {}): SheetLayout {
  const firstRow = rows.findIndex((row) => !isBlank(row));
  const searchEnd = Math.min(rows.length, Math.max(firstRow, 0) + HEADER_SEARCH_ROWS);
  for (let i = Math.max(firstRow, 0); i < searchEnd; i++) {
    const headers = rows[i];
    const match = matchHeaders(headers);
    if (NODE_KEYS.filter((key) => match.mapping[key] !== undefined).length >= 2) {
      const layout = hasIds(rows, i + 1, match.mapping) ? "frac-export" : "flat";
      return { layout, headerRow: i + 1, headers: [...headers], ...match };
    }
    const igot = matchIgot(headers, IGOT_COMPETENCY_KEYS, IGOT_COMPETENCY_HEADERS);
    if (
      igot.columns.name !== undefined &&
      igot.matched >= 5 &&
      (igot.columns.competencyType ?? igot.columns.competencyArea ?? igot.columns.cod) !== undefined
    ) {
      return { layout: "igot", headerRow: i + 1, headers: [...headers], columns: igot.columns, byPosition: false };
    }
  }
  const headerRow = firstRow < 0 ? 1 : firstRow + 1;
  const headers = firstRow < 0 ? [] : [...rows[firstRow]];
  if (options.workbook && sheetWidth(rows) === IGOT_COMPETENCY_KEYS.length) {
    return {
      layout: "igot",
      ...byPosition(rows, firstRow, IGOT_COMPETENCY_KEYS, IGOT_COMPETENCY_HEADERS),
      headers,
      byPosition: true,
    };
  }
  return { layout: "unknown", headerRow, headers };
}

/** Recognises the iGOT levels sheet (sheet 2) by header, or by its width of six columns; null when it is something else. */
export function detectLevelsSheet(rows: readonly string[][]): IgotLevelsLayout | null {
  const firstRow = rows.findIndex((row) => !isBlank(row));
  if (firstRow < 0) return null;
  const igot = matchIgot(rows[firstRow], IGOT_LEVEL_KEYS, IGOT_LEVEL_HEADERS);
  if (igot.columns.parentRowKey !== undefined && igot.columns.level !== undefined && igot.columns.name !== undefined) {
    return { headerRow: firstRow + 1, columns: igot.columns, byPosition: false };
  }
  if (sheetWidth(rows) !== IGOT_LEVEL_KEYS.length) return null;
  return { ...byPosition(rows, firstRow, IGOT_LEVEL_KEYS, IGOT_LEVEL_HEADERS), byPosition: true };
}

/**
 * Reads a sheet in the flat layout with the columns the user chose (header text → key), for a
 * file whose headers were not recognised. Throws an ImportError for a mapping that names a
 * header the file does not have, a key that does not exist, or one key twice.
 */
export function applyColumnMapping(
  rows: readonly string[][],
  mapping: UserMapping,
  headerRow?: number,
): FlatSheetLayout {
  const row = headerRow ?? rows.findIndex((r) => !isBlank(r)) + 1;
  const headers = [...(rows[row - 1] ?? [])];
  const indexByHeader = new Map<string, number>();
  headers.forEach((header, index) => {
    const normal = normaliseHeader(header);
    if (normal !== "" && !indexByHeader.has(normal)) indexByHeader.set(normal, index);
  });
  const columns: Partial<Record<FlatKey, number>> = {};
  for (const [header, key] of Object.entries(mapping)) {
    if (key === null || key === undefined) continue;
    if (!(FLAT_KEYS as readonly string[]).includes(key)) {
      throw new ImportError(
        "invalid_mapping",
        `"${key}" is not a field of the flat layout; use one of ${FLAT_KEYS.join(", ")}.`,
      );
    }
    const index = indexByHeader.get(normaliseHeader(header));
    if (index === undefined)
      throw new ImportError("invalid_mapping", `The file has no column "${header}" on row ${row}.`);
    if (columns[key] !== undefined)
      throw new ImportError("invalid_mapping", `Two columns are mapped to ${key}; map each field once.`);
    columns[key] = index;
  }
  const mapped = new Set(Object.values(columns));
  return {
    layout: hasIds(rows, row, columns) ? "frac-export" : "flat",
    headerRow: row,
    headers,
    mapping: columns,
    unknown: headers.filter((h, i) => h.trim() !== "" && !mapped.has(i)).map((h) => h.trim()),
    missing: FLAT_COLUMNS.filter((c) => c.required && columns[c.key] === undefined).map((c) => c.key),
    duplicates: [],
  };
}

/** The mapping the UI offers first: each header's flat key when it resembles one, else null. */
export function suggestMapping(headers: readonly string[]): UserMapping {
  const out: UserMapping = {};
  for (const header of headers) if (header.trim() !== "") out[header] = flatKeyForHeader(header);
  return out;
}

// Column names of CASE 1.1 items and documents as OpenSALT's spreadsheets spell them.
const CASE_HEADERS = new Set(
  ["fullStatement", "humanCodingScheme", "CFItemType", "isChildOf", "isPartOf", "abbreviatedStatement", "conceptKeywords", "officialSourceURL", "adoptionStatus", "CFDocument", "originNodeIdentifier", "destinationNodeIdentifier", "associationType"].map(normaliseHeader),
);

/** True when at least two headers are CASE item or document fields (a CASE spreadsheet, not a FRAC one). */
export function looksLikeCase(headers: readonly string[]): boolean {
  return headers.filter((h) => CASE_HEADERS.has(normaliseHeader(h))).length >= 2;
}

/** True when the text is meant as JSON (a FracDocument): it starts with `{` once blanks are skipped. */
export function looksLikeJson(text: string): boolean {
  return /^\s*\{/u.test(text);
}

// FRAC Studio's export fills the id columns; the template has them too, but empty.
function hasIds(rows: readonly string[][], headerRow: number, mapping: Partial<Record<FlatKey, number>>): boolean {
  const columns = ID_KEYS.map((key) => mapping[key]).filter((index) => index !== undefined);
  if (columns.length === 0) return false;
  const end = Math.min(rows.length, headerRow + 1000);
  for (let i = headerRow; i < end; i++) if (columns.some((index) => (rows[i][index] ?? "").trim() !== "")) return true;
  return false;
}

function matchIgot<K extends string>(
  headers: readonly string[],
  keys: readonly K[],
  names: Record<K, readonly string[]>,
) {
  const columns: Partial<Record<K, number>> = {};
  let matched = 0;
  headers.forEach((header, index) => {
    const normal = normaliseHeader(header);
    const key = keys.find((k) => names[k].some((name) => normaliseHeader(name) === normal));
    if (key && columns[key] === undefined) {
      columns[key] = index;
      matched++;
    }
  });
  return { columns, matched };
}

// The iGOT tool read its columns by position; the first row is taken as a header when at
// least two of its cells name the iGOT column at their own position, and as data otherwise.
function byPosition<K extends string>(
  rows: readonly string[][],
  firstRow: number,
  keys: readonly K[],
  names: Record<K, readonly string[]>,
) {
  const columns: Partial<Record<K, number>> = {};
  keys.forEach((key, index) => (columns[key] = index));
  const first = firstRow < 0 ? [] : rows[firstRow];
  const named = keys.filter((key, index) =>
    names[key].some((name) => normaliseHeader(name) === normaliseHeader(first[index] ?? "")),
  );
  const headerLike = named.length >= 2;
  return { headerRow: headerLike ? firstRow + 1 : null, columns };
}

// The widest row among the first hundred, ignoring empty cells at the end.
function sheetWidth(rows: readonly string[][]): number {
  let width = 0;
  for (const row of rows.slice(0, 100)) {
    let n = row.length;
    while (n > 0 && row[n - 1].trim() === "") n--;
    width = Math.max(width, n);
  }
  return width;
}

function isBlank(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === "");
}
