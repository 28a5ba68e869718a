/**
 * FracDocument → the flat CSV layout (schemas/flat-layout.ts), the file the importer reads back.
 *
 * One row per chain Position → Role → Activity → Competency, with the required level of the
 * last link; a role's own requirement is a row with an empty Activity. A position, role or
 * activity with nothing below it still gets a row of its own, and roles and activities that no
 * parent links to get rows that start at them, so every framework node and chain link is in
 * the file. Knowledge resources have no columns in the flat layout and are not written
 * (docs/interchange.md): JSON, XLSX and CASE carry them.
 *
 * UTF-8 with a byte-order mark (Excel then reads Devanagari correctly), CRLF line ends, every
 * cell neutralised against formula injection; siblings in link order. Produced in chunks of
 * 5,000 rows (docs/baselines.md: ~55 MB/s).
 */
import Papa from "papaparse";
import { IMPORTANCE_LABELS } from "@schemas/enums";
import { derivedFromCell, EXPORT_COLUMNS, FLAT_HEADERS, neutraliseCell, type FlatKey } from "@schemas/flat-layout";
import type { FracDocument, FracLink, FracNode } from "@schemas/frac-document";
import { childLinks, childrenOfKind, buildExportGraph, nodesOfKind, type ExportGraph } from "./graph";

export const CSV_BOM = "\uFEFF";
const ROWS_PER_CHUNK = 5000;

/** The CSV file as text (BOM, header, CRLF after every row). */
export function toCsvText(doc: FracDocument): string {
  return Array.from(csvChunks(doc)).join("");
}

/** The CSV file in chunks of up to 5,000 rows; the first chunk starts with the BOM and the header row. */
export function* csvChunks(doc: FracDocument): Generator<string> {
  let rows: string[][] = [FLAT_HEADERS.map(neutraliseCell)];
  let first = true;
  for (const row of flatRows(doc)) {
    rows.push(row);
    if (rows.length >= ROWS_PER_CHUNK) {
      yield (first ? CSV_BOM : "") + unparse(rows);
      first = false;
      rows = [];
    }
  }
  if (first || rows.length > 0) yield (first ? CSV_BOM : "") + unparse(rows);
}

function unparse(rows: string[][]): string {
  // why the quotes function: a tab or semicolon left bare could mislead the importer's delimiter
  // detection (and Excel's); quoting them costs nothing. Papa quotes commas, quotes, line breaks
  // and edge spaces on its own.
  return `${Papa.unparse(rows, { newline: "\r\n", quotes: needsExtraQuotes })}\r\n`;
}

function needsExtraQuotes(value: unknown): boolean {
  return typeof value === "string" && (value.includes("\t") || value.includes(";"));
}

/**
 * The data rows of the document in file order: cells in EXPORT_COLUMNS order, neutralised
 * (what toFlatCells gives for the same row). Each node's cells are neutralised once and
 * copied into every row of its chains; rows are arrays, not objects, because a large
 * framework has hundreds of thousands of them.
 */
export function* flatRows(doc: FracDocument): Generator<string[]> {
  const index = buildExportGraph(doc);
  const walk = new ChainWalk(index);
  const empty = EXPORT_COLUMNS.map(() => "");
  for (const position of nodesOfKind(index, "position")) yield* walk.position(position);
  const played = childrenOfKind(index, "position");
  for (const role of nodesOfKind(index, "role")) if (!played.has(role.id)) yield* walk.role(empty, role);
  const performed = childrenOfKind(index, "role");
  for (const activity of nodesOfKind(index, "activity")) {
    if (!performed.has(activity.id)) yield* walk.activity(empty, activity);
  }
}

/** Column index of each flat key. */
const COLUMN = new Map<FlatKey, number>(EXPORT_COLUMNS.map((c, i) => [c.key, i]));

/** A node's filled cells: [column index, neutralised text]. */
type Segment = readonly (readonly [number, string])[];

class ChainWalk {
  // The cells of a node repeat on every row of its chains: built once per node.
  private readonly segments = new Map<string, Segment>();

  constructor(private readonly index: ExportGraph) {}

  *position(position: FracNode): Generator<string[]> {
    const row = this.with(EXPORT_COLUMNS.map(() => ""), position);
    let any = false;
    for (const link of childLinks(this.index, position.id)) {
      const role = this.index.byId.get(link.to)!;
      if (role.kind !== "role") continue;
      any = true;
      yield* this.role(row, role);
    }
    if (!any) yield row;
  }

  *role(prefix: readonly string[], role: FracNode): Generator<string[]> {
    const row = this.with(prefix, role);
    let any = false;
    for (const link of childLinks(this.index, role.id)) {
      const child = this.index.byId.get(link.to)!;
      if (child.kind === "activity") yield* this.activity(row, child);
      else if (child.kind === "competency") yield this.requirement(row, child, link);
      else continue;
      any = true;
    }
    if (!any) yield row;
  }

  *activity(prefix: readonly string[], activity: FracNode): Generator<string[]> {
    const row = this.with(prefix, activity);
    let any = false;
    for (const link of childLinks(this.index, activity.id)) {
      const competency = this.index.byId.get(link.to)!;
      if (competency.kind !== "competency") continue;
      any = true;
      yield this.requirement(row, competency, link);
    }
    if (!any) yield row;
  }

  private requirement(prefix: readonly string[], competency: FracNode, link: FracLink): string[] {
    const row = this.with(prefix, competency);
    if (link.level !== undefined) row[COLUMN.get("requiredLevel")!] = neutraliseCell(String(link.level));
    if (link.importance !== undefined) row[COLUMN.get("importance")!] = IMPORTANCE_LABELS[link.importance];
    return row;
  }

  /** A copy of the row with the node's cells filled in. */
  private with(prefix: readonly string[], node: FracNode): string[] {
    let segment = this.segments.get(node.id);
    if (!segment) {
      segment = segmentOf(node);
      this.segments.set(node.id, segment);
    }
    const row = prefix.slice();
    for (const [column, text] of segment) row[column] = text;
    return row;
  }
}

function segmentOf(node: FracNode): Segment {
  const out: [number, string][] = [];
  for (const [key, value] of Object.entries(cellsOf(node)) as [FlatKey, string | undefined][]) {
    const column = COLUMN.get(key);
    // A key the flat layout no longer has is simply not written.
    if (column !== undefined && value) out.push([column, neutraliseCell(value)]);
  }
  return out;
}

function cellsOf(node: FracNode): Partial<Record<FlatKey, string>> {
  switch (node.kind) {
    case "position":
      return {
        positionId: node.id,
        position: node.name,
        positionDescription: node.description,
        positionNameHi: node.nameHi,
        positionDescriptionHi: node.descriptionHi,
        sanctionedPosts: node.sanctionedPosts === undefined ? undefined : String(node.sanctionedPosts),
      };
    case "role":
      return { roleId: node.id, role: node.name, roleDescription: node.description, roleNameHi: node.nameHi, roleDescriptionHi: node.descriptionHi, roleDerivedFrom: derivedFromCell(node.derivedFrom) };
    case "activity":
      return {
        activityId: node.id,
        activity: node.name,
        activityDescription: node.description,
        activityNameHi: node.nameHi,
        activityDescriptionHi: node.descriptionHi,
        activityDerivedFrom: derivedFromCell(node.derivedFrom),
      };
    case "competency":
      return { competencyId: node.id, competency: node.name, competencyType: node.competencyType, theme: node.theme };
    case "knowledge_resource":
      return {};
  }
}
