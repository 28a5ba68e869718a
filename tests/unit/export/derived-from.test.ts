// Format 1.1: where a reused role or activity came from, in every export (JSON, CSV, XLSX, CASE),
// and level indicators on a competency's scale in JSON.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { buildCasePackage } from "@export/case";
import { toCsvText } from "@export/csv";
import { toJsonText } from "@export/json";
import { toXlsxBuffer } from "@export/xlsx";
import { fracDocumentStrictSchema, type FracDocument, type FracNode } from "@schemas/frac-document";
import { makeExportDocument } from "../../factories/export-framework";

const FROM_PUBLISHED = { nodeId: "6f1c0a52-9d7e-4c1b-8f0e-2a6b3c4d5e6f", mdo: "CBIC", version: 3 };
const FROM_DRAFT = { nodeId: "0b8e7d6c-5a4f-4e3d-9c2b-1a0f9e8d7c6b", mdo: "DOE", version: null };

function reusedDocument(): { doc: FracDocument; role: FracNode; activity: FracNode } {
  const { doc, n } = makeExportDocument();
  const role = { ...n.budget, derivedFrom: FROM_PUBLISHED } as FracNode;
  const activity = { ...n.consolidate, derivedFrom: FROM_DRAFT } as FracNode;
  const finance = n.finance.kind === "competency" ? { ...n.finance, scale: { levels: n.finance.scale.levels.map((l) => (l.level === 4 ? { ...l, indicators: ["Sets the budget calendar", "Explains variances to the board"] } : l)) } } : n.finance;
  const nodes = doc.nodes.map((x) => (x.id === role.id ? role : x.id === activity.id ? activity : x.id === finance.id ? finance : x));
  return { doc: { ...doc, schemaVersion: "1.1", nodes }, role, activity };
}

describe("derivedFrom and indicators in the exports", () => {
  it("JSON carries derivedFrom on the reused nodes and indicators on the level, and the strict schema accepts them", () => {
    const { doc, role, activity } = reusedDocument();
    const parsed = JSON.parse(toJsonText(doc)) as FracDocument;
    expect(fracDocumentStrictSchema.safeParse(parsed).success).toBe(true);
    const byId = new Map(parsed.nodes.map((x) => [x.id, x] as const));
    expect(byId.get(role.id)).toMatchObject({ derivedFrom: FROM_PUBLISHED });
    expect(byId.get(activity.id)).toMatchObject({ derivedFrom: FROM_DRAFT });
    const finance = parsed.nodes.find((x) => x.kind === "competency" && x.code === "FUN-060");
    expect(finance?.kind === "competency" && finance.scale.levels[3]?.indicators).toEqual(["Sets the budget calendar", "Explains variances to the board"]);
    expect(finance?.kind === "competency" && finance.scale.levels[0]?.indicators).toBeUndefined();
    // Nodes that were not reused have no derivedFrom key at all.
    expect(parsed.nodes.filter((x) => "derivedFrom" in x)).toHaveLength(2);
  });

  it("CSV writes MINISTRY/VERSION/ID in the role's and the activity's 'reused from' columns", () => {
    const { doc, role, activity } = reusedDocument();
    const rows = Papa.parse<Record<string, string>>(toCsvText(doc).replace(/^\uFEFF/u, ""), { header: true, skipEmptyLines: true }).data;
    const ofRole = rows.filter((r) => r["Role id"] === role.id);
    expect(ofRole.length).toBeGreaterThan(0);
    expect(new Set(ofRole.map((r) => r["Role reused from"]))).toEqual(new Set([`CBIC/3/${FROM_PUBLISHED.nodeId}`]));
    const ofActivity = rows.filter((r) => r["Activity id"] === activity.id);
    expect(new Set(ofActivity.map((r) => r["Activity reused from"]))).toEqual(new Set([`DOE/draft/${FROM_DRAFT.nodeId}`]));
    expect(rows.filter((r) => r["Role id"] && r["Role id"] !== role.id).every((r) => r["Role reused from"] === "")).toBe(true);
  });

  it("XLSX has ministry, version and id columns on the Roles and Activities sheets", async () => {
    const { doc, role, activity } = reusedDocument();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsxBuffer(doc)) as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
    const cells = (sheetName: string, id: string) => {
      const sheet = workbook.getWorksheet(sheetName)!;
      const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
      for (let r = 2; r <= sheet.rowCount; r++) {
        if (sheet.getCell(r, headers.indexOf("Id") + 1).value === id) {
          return ["Reused from ministry", "Reused from version", "Reused from id"].map((h) => sheet.getCell(r, headers.indexOf(h) + 1).value);
        }
      }
      throw new Error(`no ${id} on ${sheetName}`);
    };
    expect(cells("Roles", role.id)).toEqual(["CBIC", 3, FROM_PUBLISHED.nodeId]);
    expect(cells("Activities", activity.id)).toEqual(["DOE", "draft", FROM_DRAFT.nodeId]);
  });

  it("CASE puts it in the CFItem's extensions (no version for a draft source)", () => {
    const { doc, role, activity } = reusedDocument();
    const pkg = buildCasePackage(doc);
    const roleItem = pkg.CFItems.find((i) => i.fullStatement === role.name)!;
    const activityItem = pkg.CFItems.find((i) => i.fullStatement === activity.name)!;
    expect(roleItem.extensions).toMatchObject({ derivedFromNodeId: FROM_PUBLISHED.nodeId, derivedFromMdo: "CBIC", derivedFromVersion: 3 });
    expect(activityItem.extensions).toMatchObject({ derivedFromNodeId: FROM_DRAFT.nodeId, derivedFromMdo: "DOE" });
    expect(activityItem.extensions).not.toHaveProperty("derivedFromVersion");
  });
});
