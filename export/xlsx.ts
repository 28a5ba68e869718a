/**
 * FracDocument → an .xlsx workbook for people: an "About" sheet (ministry, version, status),
 * one sheet per node kind, the competencies' proficiency levels, and every link with its
 * required level and the level's name. Headers are readable and frozen, columns sized to
 * their content. Unlike CSV, cells hold typed text, so nothing needs neutralising: exceljs
 * writes a string that starts with "=" as text, never as a formula.
 */
import { PassThrough, type Writable } from "node:stream";
import ExcelJS from "exceljs";
import { IMPORTANCE_LABELS, LINK_RULES } from "@schemas/enums";
import type { CompetencyNode, FracDocument, FracLink, FracNode, KnowledgeResourceNode } from "@schemas/frac-document";
import { documentLastChange, buildExportGraph, nodesOfKind, type ExportGraph } from "./graph";
import { setZipEntryTimes } from "./zip-times";

/** The sheet names, in workbook order. */
export const XLSX_SHEETS = [
  "About",
  "Positions",
  "Roles",
  "Activities",
  "Competencies",
  "Proficiency levels",
  "Knowledge resources",
  "Links",
] as const;

type Cell = string | number | null | undefined;
type Column<T> = { header: string; value: (row: T) => Cell; width?: number };

const ID_WIDTH = 38;
const MIN_WIDTH = 10;
const MAX_WIDTH = 60;
// Widths are measured on the first rows only: enough to size a column, cheap on 100k rows.
const MEASURED_ROWS = 500;

/** The workbook as .xlsx bytes, the same bytes whenever it is built (its zip entries carry the document's date). */
export async function toXlsxBuffer(doc: FracDocument): Promise<Buffer> {
  const parts: Buffer[] = [];
  const sink = new PassThrough();
  sink.on("data", (part: Buffer) => parts.push(part));
  await writeXlsx(doc, sink);
  return setZipEntryTimes(Buffer.concat(parts), new Date(documentLastChange(doc)));
}

/**
 * Writes the workbook to a stream with exceljs's streaming writer: rows go out as they are
 * made, with strings inline rather than in a shared table, which measured about 3× faster than
 * building the workbook in memory. Resolves once the last byte is written.
 */
export async function writeXlsx(doc: FracDocument, stream: Writable): Promise<void> {
  const index = buildExportGraph(doc);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = "FRAC Studio";
  // why fixed dates: the file's own timestamps follow the document, not the clock.
  const changed = new Date(documentLastChange(doc));
  workbook.created = changed;
  workbook.modified = changed;

  addSheet(workbook, "About", aboutColumns, aboutRows(doc));
  addSheet(workbook, "Positions", positionColumns, nodesOfKind(index, "position"));
  addSheet(workbook, "Roles", reusableColumns, nodesOfKind(index, "role"));
  addSheet(workbook, "Activities", reusableColumns, nodesOfKind(index, "activity"));
  const competencies = nodesOfKind(index, "competency");
  addSheet(workbook, "Competencies", competencyColumns, competencies);
  addSheet(workbook, "Proficiency levels", levelColumns, levelRows(competencies));
  addSheet(workbook, "Knowledge resources", resourceColumns, nodesOfKind(index, "knowledge_resource"));
  addSheet(workbook, "Links", linkColumns(index), index.links);
  await workbook.commit();
}

function addSheet<T>(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: Column<T>[], rows: readonly T[]): void {
  // Widths first: the streaming writer writes the column definitions before the first row.
  const widths = columns.map((c) => c.width ?? c.header.length + 2);
  for (const row of rows.slice(0, MEASURED_ROWS)) {
    columns.forEach((c, i) => {
      const v = c.width === undefined ? c.value(row) : undefined;
      if (v !== undefined && v !== null) widths[i] = Math.max(widths[i], longestLine(String(v)) + 2);
    });
  }
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: 1 }],
    ...(rows.length > 0 && name !== "About"
      ? { autoFilter: { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } } }
      : {}),
  });
  sheet.columns = columns.map((c, i) => ({
    header: c.header,
    width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[i])),
    // Long text wraps instead of spilling into the next column.
    ...(widths[i] > MAX_WIDTH ? { style: { alignment: { wrapText: true, vertical: "top" } } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
  header.commit();
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row) ?? null)).commit();
  sheet.commit();
}

function longestLine(text: string): number {
  let longest = 0;
  for (const line of text.split("\n")) longest = Math.max(longest, line.length);
  return longest;
}

type AboutRow = [string, Cell];
const aboutColumns: Column<AboutRow>[] = [
  { header: "Field", value: (r) => r[0], width: 18 },
  { header: "Value", value: (r) => r[1] },
];

function aboutRows(doc: FracDocument): AboutRow[] {
  const draft = doc.version === null;
  return [
    ["Ministry code", doc.mdo.code],
    ["Ministry", doc.mdo.name],
    ["Version", draft ? "Draft (working copy, not an approved framework)" : doc.version],
    ["Status", doc.status],
    ["Draft revision", doc.revision],
    ["Published at", doc.publishedAt ?? (draft ? "not published" : undefined)],
    ["Schema version", doc.schemaVersion],
    ["Format", "FRAC framework workbook; the FracDocument JSON (schemas/frac-document.schema.json) is the reference."],
    ["Nodes", doc.nodes.length],
    ["Links", doc.links.length],
  ];
}

const id = (header = "Id"): Column<FracNode> => ({ header, value: (n) => n.id, width: ID_WIDTH });
const common = {
  name: { header: "Name", value: (n: FracNode) => n.name },
  nameHi: { header: "Hindi name", value: (n: FracNode) => n.nameHi },
  description: { header: "Description", value: (n: FracNode) => n.description },
  descriptionHi: { header: "Hindi description", value: (n: FracNode) => n.descriptionHi },
  source: { header: "Source", value: (n: FracNode) => n.source },
  createdBy: { header: "Created by", value: (n: FracNode) => n.createdBy },
  createdAt: { header: "Created at", value: (n: FracNode) => n.createdAt, width: 26 },
  updatedAt: { header: "Updated at", value: (n: FracNode) => n.updatedAt, width: 26 },
};

const nodeColumns: Column<FracNode>[] = [
  id(),
  common.name,
  common.nameHi,
  common.description,
  common.source,
  common.createdBy,
  common.createdAt,
  common.updatedAt,
];

// Format 1.1's columns come last, so readers that go by column position keep working.
const positionColumns: Column<FracNode>[] = [
  ...nodeColumns,
  { header: "Sanctioned posts", value: (n) => (n.kind === "position" ? n.sanctionedPosts : undefined) },
  common.descriptionHi,
];
// Format 1.1: where a reused role or activity was copied from, after the 1.0 columns.
const derivedFrom = (n: FracNode) => (n.kind === "role" || n.kind === "activity" ? n.derivedFrom : undefined);
const reusableColumns: Column<FracNode>[] = [
  ...nodeColumns,
  { header: "Reused from ministry", value: (n) => derivedFrom(n)?.mdo },
  { header: "Reused from version", value: (n) => { const d = derivedFrom(n); return d ? (d.version ?? "draft") : undefined; } },
  { header: "Reused from id", value: (n) => derivedFrom(n)?.nodeId, width: ID_WIDTH },
  common.descriptionHi,
];

const competencyColumns: Column<CompetencyNode>[] = [
  id(),
  common.name,
  common.nameHi,
  { header: "Type", value: (c) => c.competencyType },
  { header: "Theme", value: (c) => c.theme },
  { header: "KCM code", value: (c) => c.code },
  { header: "Owner ministry", value: (c) => c.mdoCode },
  { header: "Scale", value: (c) => c.scale.levels.map((l) => `${l.level} ${l.name}`).join(", ") },
  { header: "Levels", value: (c) => c.scale.levels.length },
  common.description,
  common.source,
  { header: "Theme id", value: (c) => c.parentId, width: ID_WIDTH },
  common.createdAt,
  common.updatedAt,
  common.descriptionHi,
];

type LevelRow = { competency: CompetencyNode; level: number; name: string; descriptor: string };

function levelRows(competencies: readonly CompetencyNode[]): LevelRow[] {
  return competencies.flatMap((competency) => competency.scale.levels.map((l) => ({ competency, ...l })));
}

const levelColumns: Column<LevelRow>[] = [
  { header: "Competency id", value: (r) => r.competency.id, width: ID_WIDTH },
  { header: "Competency", value: (r) => r.competency.name },
  { header: "Level", value: (r) => r.level },
  { header: "Level name", value: (r) => r.name },
  { header: "Descriptor", value: (r) => r.descriptor },
];

const resourceColumns: Column<KnowledgeResourceNode>[] = [
  id(),
  common.name,
  common.nameHi,
  { header: "Resource type", value: (r) => r.resourceType },
  { header: "URL", value: (r) => r.url },
  common.description,
  common.source,
  common.createdBy,
  common.createdAt,
  common.updatedAt,
  common.descriptionHi,
];

function linkColumns(index: ExportGraph): Column<FracLink>[] {
  const node = (nodeId: string) => index.byId.get(nodeId)!;
  const levelName = (link: FracLink) => {
    const target = node(link.to);
    if (link.level === undefined || target.kind !== "competency") return undefined;
    return target.scale.levels.find((l) => l.level === link.level)?.name;
  };
  return [
    { header: "Kind", value: (l) => LINK_RULES[l.kind].label },
    { header: "From", value: (l) => node(l.from).name },
    { header: "To", value: (l) => node(l.to).name },
    { header: "Required level", value: (l) => l.level },
    { header: "Level name", value: levelName },
    { header: "Order", value: (l) => l.order },
    { header: "From id", value: (l) => l.from, width: ID_WIDTH },
    { header: "To id", value: (l) => l.to, width: ID_WIDTH },
    { header: "Link id", value: (l) => l.id, width: ID_WIDTH },
    { header: "Importance", value: (l) => (l.importance ? IMPORTANCE_LABELS[l.importance] : undefined) },
  ];
}
