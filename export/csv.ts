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
 * 5,000 rows (BASELINES.md: ~55 MB/s).
 */
import Papa from "papaparse";
import { FLAT_HEADERS, toFlatCells, type FlatKey } from "@schemas/flat-layout";
import type { FracDocument, FracLink, FracNode } from "@schemas/frac-document";
import { childLinks, hasParentOfKind, indexDocument, nodesOfKind, type DocumentIndex } from "./graph";

export const CSV_BOM = "\uFEFF";
const ROWS_PER_CHUNK = 5000;

/** One flat row by key; absent keys are empty cells. */
export type FlatRecord = Partial<Record<FlatKey, string | number>>;

/** The CSV file as text (BOM, header, CRLF after every row). */
export function toCsvText(doc: FracDocument): string {
  return Array.from(csvChunks(doc)).join("");
}

/** The CSV file in chunks of up to 5,000 rows; the first chunk starts with the BOM and the header row. */
export function* csvChunks(doc: FracDocument): Generator<string> {
  let rows: string[][] = [[...FLAT_HEADERS]];
  let first = true;
  for (const record of flatRecords(doc)) {
    rows.push(toFlatCells(record));
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

/** The flat rows of the document, in file order, before neutralisation. */
export function* flatRecords(doc: FracDocument): Generator<FlatRecord> {
  const index = indexDocument(doc);
  const walk = new ChainWalk(index);
  for (const position of nodesOfKind(index, "position")) yield* walk.position(position);
  for (const role of nodesOfKind(index, "role")) {
    if (!hasParentOfKind(index, role.id, ["position"])) yield* walk.role({}, role);
  }
  for (const activity of nodesOfKind(index, "activity")) {
    if (!hasParentOfKind(index, activity.id, ["role"])) yield* walk.activity({}, activity);
  }
}

class ChainWalk {
  // The cells of a node repeat on every row of its chains: built once per node.
  private readonly cells = new Map<string, FlatRecord>();

  constructor(private readonly index: DocumentIndex) {}

  *position(position: FracNode): Generator<FlatRecord> {
    const row = this.nodeCells(position);
    const roles = childLinks(this.index, position.id, ["role"]);
    if (roles.length === 0) yield { ...row };
    for (const link of roles) yield* this.role(row, this.index.byId.get(link.to)!);
  }

  *role(prefix: FlatRecord, role: FracNode): Generator<FlatRecord> {
    const row = { ...prefix, ...this.nodeCells(role) };
    const below = childLinks(this.index, role.id, ["activity", "competency"]);
    if (below.length === 0) yield row;
    for (const link of below) {
      const child = this.index.byId.get(link.to)!;
      if (child.kind === "activity") yield* this.activity(row, child);
      else yield { ...row, ...this.requirement(child, link) };
    }
  }

  *activity(prefix: FlatRecord, activity: FracNode): Generator<FlatRecord> {
    const row = { ...prefix, ...this.nodeCells(activity) };
    const requirements = childLinks(this.index, activity.id, ["competency"]);
    if (requirements.length === 0) yield row;
    for (const link of requirements) yield { ...row, ...this.requirement(this.index.byId.get(link.to)!, link) };
  }

  private requirement(competency: FracNode, link: FracLink): FlatRecord {
    const cells: FlatRecord = { ...this.nodeCells(competency) };
    if (link.level !== undefined) cells.requiredLevel = link.level;
    return cells;
  }

  private nodeCells(node: FracNode): FlatRecord {
    let cells = this.cells.get(node.id);
    if (!cells) {
      cells = cellsOf(node);
      this.cells.set(node.id, cells);
    }
    return cells;
  }
}

function cellsOf(node: FracNode): FlatRecord {
  switch (node.kind) {
    case "position":
      return {
        positionId: node.id,
        position: node.name,
        positionDescription: node.description,
        positionNameHi: node.nameHi,
      };
    case "role":
      return { roleId: node.id, role: node.name, roleDescription: node.description, roleNameHi: node.nameHi };
    case "activity":
      return {
        activityId: node.id,
        activity: node.name,
        activityDescription: node.description,
        activityNameHi: node.nameHi,
      };
    case "competency":
      return { competencyId: node.id, competency: node.name, competencyType: node.competencyType, theme: node.theme };
    case "knowledge_resource":
      return {};
  }
}
