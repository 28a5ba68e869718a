/**
 * FRAC Studio's own XLSX export (export/xlsx.ts: an "About" sheet, a sheet per node kind, the
 * proficiency levels and the links) read back as the FracDocument it was written from. The
 * import then treats it exactly as that document's JSON: the same schema, the same records. A
 * finding about a node or a link names the sheet and row it came from.
 */
import { LINK_KINDS, LINK_RULES } from "@schemas/enums";
import { parseFracDocument } from "@schemas/frac-document";
import type { ImportFinding } from "./findings";
import { documentRecords } from "./document";
import type { ImportRecords } from "./records";
import type { WorkbookSheet } from "./xlsx";

/** The sheets the export writes and the headers this reader needs on each (export/xlsx.ts names them). */
export const EXPORT_WORKBOOK_HEADERS = {
  About: ["Field", "Value"],
  Positions: ["Id", "Name"],
  Roles: ["Id", "Name"],
  Activities: ["Id", "Name"],
  Competencies: ["Id", "Name", "Type"],
  "Proficiency levels": ["Competency id", "Level", "Level name", "Descriptor"],
  "Knowledge resources": ["Id", "Name"],
  Links: ["Kind", "From id", "To id", "Link id"],
} as const;

type SheetName = keyof typeof EXPORT_WORKBOOK_HEADERS;
type Origin = { sheet: SheetName; row: number };
/** A sheet's data rows as header → text, each with its worksheet row number. */
type Table = { row: number; cell: (header: string) => string | undefined }[];

/** True when the workbook has every sheet of FRAC Studio's XLSX export, each with its headers in its first row. */
export function isExportWorkbook(sheets: readonly WorkbookSheet[]): boolean {
  return Object.entries(EXPORT_WORKBOOK_HEADERS).every(([name, headers]) => {
    const sheet = sheets.find((s) => s.name === name);
    const first = sheet?.rows[0]?.map((h) => h.trim()) ?? [];
    return headers.every((h) => first.includes(h));
  });
}

/** The workbook's framework as import records, with findings placed on the sheet and row they concern. */
export function readExportWorkbook(sheets: readonly WorkbookSheet[], mdoCode: string): ImportRecords & { findings: ImportFinding[] } {
  const table = (name: SheetName) => tableOf(sheets.find((s) => s.name === name)!);
  const origins = new Map<string, Origin>();
  const about = new Map(table("About").map((r) => [r.cell("Field") ?? "", r.cell("Value")]));
  const version = about.get("Version");
  const revision = about.get("Draft revision");
  const publishedAt = about.get("Published at");

  const levels = new Map<string, { level: unknown; name: unknown; descriptor: unknown }[]>();
  for (const r of table("Proficiency levels")) {
    const id = r.cell("Competency id") ?? "";
    levels.set(id, [...(levels.get(id) ?? []), { level: numberOf(r.cell("Level")), name: r.cell("Level name") ?? "", descriptor: r.cell("Descriptor") ?? "" }]);
  }

  const nodes: Record<string, unknown>[] = [];
  const addNodes = (sheet: SheetName, kind: string, extra: (cell: Table[number]["cell"]) => Record<string, unknown> = () => ({})) => {
    for (const r of table(sheet)) {
      origins.set(`nodes[${nodes.length}]`, { sheet, row: r.row });
      const id = r.cell("Id");
      nodes.push(
        present({
          kind,
          id,
          name: r.cell("Name") ?? "",
          nameHi: r.cell("Hindi name"),
          description: r.cell("Description"),
          descriptionHi: r.cell("Hindi description"),
          source: r.cell("Source"),
          createdBy: r.cell("Created by"),
          createdAt: r.cell("Created at"),
          updatedAt: r.cell("Updated at"),
          ...extra(r.cell),
        }),
      );
    }
  };
  addNodes("Positions", "position");
  addNodes("Roles", "role");
  addNodes("Activities", "activity");
  addNodes("Competencies", "competency", (cell) => ({
    competencyType: cell("Type"),
    theme: cell("Theme"),
    code: cell("KCM code"),
    mdoCode: cell("Owner ministry"),
    parentId: cell("Theme id"),
    scale: { levels: levels.get(cell("Id") ?? "") ?? [] },
  }));
  addNodes("Knowledge resources", "knowledge_resource", (cell) => ({ url: cell("URL"), resourceType: cell("Resource type") }));

  const links = table("Links").map((r, i) => {
    origins.set(`links[${i}]`, { sheet: "Links", row: r.row });
    const label = r.cell("Kind") ?? "";
    return present({ id: r.cell("Link id"), from: r.cell("From id"), to: r.cell("To id"), kind: KIND_BY_LABEL.get(label) ?? label, level: numberOf(r.cell("Required level")), order: numberOf(r.cell("Order")) });
  });

  const candidate = {
    schemaVersion: about.get("Schema version") ?? "",
    mdo: { code: about.get("Ministry code") ?? "", name: about.get("Ministry") ?? "" },
    // why: the export writes the draft's version as a sentence, and "not published" where a draft has no date.
    version: version === undefined || /^draft/iu.test(version) ? null : numberOf(version),
    status: about.get("Status"),
    ...(revision !== undefined && { revision: numberOf(revision) }),
    ...(publishedAt !== undefined && publishedAt !== "not published" && { publishedAt }),
    nodes,
    links,
  };
  const parsed = parseFracDocument(candidate);
  if (!parsed.ok) {
    const findings = parsed.issues.slice(0, 200).map((issue): ImportFinding => ({ row: 0, path: issue.path, severity: "error", code: "document_invalid", message: `${issue.path} ${issue.message}` }));
    return { chains: [], competencies: [], findings: findings.map((f) => placed(f, origins)) };
  }
  const records = documentRecords(parsed.document, mdoCode);
  return { ...records, findings: records.findings.map((f) => placed(f, origins)) };
}

const KIND_BY_LABEL = new Map<string, string>(LINK_KINDS.map((kind) => [LINK_RULES[kind].label, kind]));

function tableOf(sheet: WorkbookSheet): Table {
  const headers = (sheet.rows[0] ?? []).map((h) => h.trim());
  return sheet.rows.slice(1).flatMap((cells, i) => {
    if (cells.every((c) => c === "")) return [];
    const cell = (header: string) => {
      const at = headers.indexOf(header);
      const text = at < 0 ? undefined : cells[at];
      return text === undefined || text === "" ? undefined : text;
    };
    return [{ row: i + 2, cell }];
  });
}

// why keep the text when it is not a number: the schema then names the field and what it expected.
function numberOf(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  const n = Number(text);
  return text.trim() !== "" && Number.isFinite(n) ? n : text;
}

function present(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** The finding with the sheet and row of the node or link its path starts with. */
function placed(finding: ImportFinding, origins: Map<string, Origin>): ImportFinding {
  const key = finding.path?.match(/^(?:nodes|links)\[\d+\]/u)?.[0];
  const origin = key ? origins.get(key) : undefined;
  return origin ? { ...finding, sheet: origin.sheet, row: origin.row } : finding;
}
