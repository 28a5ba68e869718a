/**
 * Reading FRAC Studio's own XLSX export back: recognised by its sheets and headers, read as the
 * document it was written from, with findings placed on the sheet and row of the cell at fault;
 * a sheet named on purpose, and workbooks that only look similar, are read one sheet at a time as before.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { analyseImport, EXPORT_WORKBOOK_HEADERS } from "@import/index";
import type { FracDocument } from "@schemas/frac-document";
import { defaultScale } from "@schemas/scale";
import { toXlsxBuffer, XLSX_SHEETS } from "../../../export/index";
import { dictionaryOf, snapshotOf } from "../../factories/export-framework";
import { makeActivity, makeCompetency, makeLink, makePosition, makeRole } from "../schemas/doc-factory";

const position = makePosition({ name: "Under Secretary", nameHi: "अवर सचिव" });
const role = makeRole({ name: "Budget" });
const activity = makeActivity({ name: "Consolidate demands", description: "=SUM(A1) stays text" });
const competency = makeCompetency({ name: "Public finance", competencyType: "Domain", mdoCode: "GEN", scale: defaultScale(5) });
const doc: FracDocument = {
  schemaVersion: "1.0",
  mdo: { code: "GEN", name: "Generated Ministry" },
  version: null,
  status: "DRAFT",
  nodes: [position, role, activity, competency],
  links: [makeLink(position, role, { order: 0 }), makeLink(role, activity, { order: 0 }), makeLink(activity, competency, { order: 0, level: 3 })],
};
const empty: FracDocument = { ...doc, nodes: [], links: [] };

/** The export of `of`, with `edit` applied to its workbook first. */
async function exported(of: FracDocument, edit?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const bytes = await toXlsxBuffer(of);
  if (!edit) return new Uint8Array(bytes);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  edit(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const analyse = (bytes: Uint8Array, existing: FracDocument, sheet?: string) =>
  analyseImport({ fileName: "gen.xlsx", bytes, sheet, existing: snapshotOf(existing), dictionary: dictionaryOf(doc), mdoCode: "GEN", mode: "merge" });

describe("FRAC Studio's XLSX export, imported", () => {
  it("knows every sheet the export writes", () => {
    expect(Object.keys(EXPORT_WORKBOOK_HEADERS)).toEqual([...XLSX_SHEETS]);
  });

  it("creates the whole framework in an empty draft, ids and levels kept", async () => {
    const analysis = await analyse(await exported(doc), empty);
    expect(analysis).toMatchObject({ fileKind: "workbook", layout: "frac-workbook", headerRow: null });
    const plan = analysis.plan!;
    expect(plan.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(plan.created).toMatchObject({ position: 1, role: 1, activity: 1, link: 3 });
    expect(plan.nodes.position.create[0]).toMatchObject({ id: position.id, name: "Under Secretary", nameHi: "अवर सचिव" });
    expect(plan.nodes.activity.create[0]).toMatchObject({ id: activity.id, description: "=SUM(A1) stays text" });
    expect(plan.links.create.find((l) => l.kind === "activity_competency")).toMatchObject({ from: activity.id, to: competency.id, level: 3 });
  });

  it("names the sheet and row of a required level that is not a number", async () => {
    const bytes = await exported(doc, (wb) => {
      const links = wb.getWorksheet("Links")!;
      const row = [2, 3, 4].find((r) => links.getRow(r).getCell(1).text === "Activity → Competency")!;
      links.getRow(row).getCell(4).value = "three";
    });
    const findings = (await analyse(bytes, empty)).findings.filter((f) => f.severity === "error");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ sheet: "Links", code: "document_invalid" });
    expect(findings[0].row).toBeGreaterThanOrEqual(2);
    expect(findings[0].message).toMatch(/^links\[\d\]\.level /u);
  });

  it("names the sheet and row of a link whose kind is not one the export writes", async () => {
    const bytes = await exported(doc, (wb) => {
      wb.getWorksheet("Links")!.getRow(2).getCell(1).value = "Position → Somewhere";
    });
    const findings = (await analyse(bytes, empty)).findings.filter((f) => f.severity === "error");
    expect(findings).toEqual([expect.objectContaining({ sheet: "Links", row: 2, code: "document_invalid" })]);
  });

  it("reads only the named sheet when one is chosen, as for any workbook", async () => {
    const analysis = await analyse(await exported(doc), empty, "Positions");
    expect(analysis.layout).not.toBe("frac-workbook");
    expect(analysis.sheet).toBe("Positions");
  });

  it("reads a workbook that lacks one of the export's sheets one sheet at a time", async () => {
    const bytes = await exported(doc, (wb) => wb.removeWorksheet(wb.getWorksheet("Links")!.id));
    const analysis = await analyse(bytes, empty);
    expect(analysis.layout).not.toBe("frac-workbook");
    expect(analysis.sheet).toBe("About");
  });
});
