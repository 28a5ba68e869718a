import ExcelJS from "exceljs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { documentLastChange } from "@export/graph";
import { toXlsxBuffer, XLSX_SHEETS } from "@export/xlsx";
import { makeExportDocument } from "../../factories/export-framework";

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // why the cast: exceljs declares its own global Buffer type, which Node's Buffer does not match.
  await workbook.xlsx.load(buffer as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  return workbook;
}

const headers = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);
const column = (sheet: ExcelJS.Worksheet, header: string) => headers(sheet).indexOf(header) + 1;
const rowWith = (sheet: ExcelJS.Worksheet, header: string, value: string) => {
  for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getCell(r, column(sheet, header)).value === value) return sheet.getRow(r);
  throw new Error(`no row with ${header} = ${value}`);
};

describe("XLSX export", () => {
  it("has the About sheet, a sheet per node kind, proficiency levels and links, with frozen bold headers", async () => {
    const { doc } = makeExportDocument();
    const workbook = await read(await toXlsxBuffer(doc));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([...XLSX_SHEETS]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.getRow(1).font?.bold).toBe(true);
      for (let c = 1; c <= sheet.columnCount; c++) expect(sheet.getColumn(c).width).toBeGreaterThanOrEqual(10);
    }
    const count = (name: string) => workbook.getWorksheet(name)!.rowCount - 1;
    expect([count("Positions"), count("Roles"), count("Activities"), count("Competencies"), count("Knowledge resources")]).toEqual([3, 4, 3, 3, 2]);
    expect(count("Links")).toBe(doc.links.length);
    expect(count("Proficiency levels")).toBe(5 + 3 + 5);
  });

  it("describes the version on the About sheet, marked as a draft", async () => {
    const { doc } = makeExportDocument();
    const about = (await read(await toXlsxBuffer(doc))).getWorksheet("About")!;
    const value = (field: string) => rowWith(about, "Field", field).getCell(2).value;
    expect(value("Ministry code")).toBe("DOE");
    expect(value("Ministry")).toBe("Department of Expenditure");
    expect(String(value("Version"))).toMatch(/^Draft/);
    expect(value("Status")).toBe("DRAFT");
    expect(value("Schema version")).toBe("1.0");

    const published = { ...doc, version: 3, status: "PUBLISHED" as const, publishedAt: "2026-04-01T12:00:00+05:30" };
    const about3 = (await read(await toXlsxBuffer(published))).getWorksheet("About")!;
    expect(rowWith(about3, "Field", "Version").getCell(2).value).toBe(3);
    expect(rowWith(about3, "Field", "Published at").getCell(2).value).toBe("2026-04-01T12:00:00+05:30");
  });

  it("writes node fields, competencies with type, theme, code and scale, and resources with their URL", async () => {
    const { doc, n } = makeExportDocument();
    const workbook = await read(await toXlsxBuffer(doc));
    const positions = workbook.getWorksheet("Positions")!;
    expect(headers(positions)).toEqual(["Id", "Name", "Hindi name", "Description", "Source", "Created by", "Created at", "Updated at", "Sanctioned posts", "Hindi description"]);
    const us = rowWith(positions, "Id", n.us.id);
    expect(us.getCell(column(positions, "Hindi name")).value).toBe("अवर सचिव (बजट)");
    expect(us.getCell(column(positions, "Description")).value).toBe("Heads the budget section.\nReports to the Director.");
    expect(us.getCell(column(positions, "Sanctioned posts")).value).toBe(12);
    expect(us.getCell(column(positions, "Hindi description")).value).toBe("बजट अनुभाग का प्रमुख।\nनिदेशक को रिपोर्ट करता है।");
    const activities = workbook.getWorksheet("Activities")!;
    expect(rowWith(activities, "Id", n.consolidate.id).getCell(column(activities, "Hindi description")).value).toBe("प्रभागों के अनुमानों को संकलित करना");
    expect(rowWith(positions, "Id", n.so.id).getCell(column(positions, "Sanctioned posts")).value).toBeNull();

    const competencies = workbook.getWorksheet("Competencies")!;
    const finance = rowWith(competencies, "Id", n.finance.id);
    expect(finance.getCell(column(competencies, "Type")).value).toBe("Functional");
    expect(finance.getCell(column(competencies, "Theme")).value).toBe("Finance");
    expect(finance.getCell(column(competencies, "KCM code")).value).toBe("FUN-060");
    expect(finance.getCell(column(competencies, "Scale")).value).toBe("1 Basic, 2 Proficient, 3 Advanced, 4 Expert, 5 Ustad");
    expect(rowWith(competencies, "Id", n.drafting.id).getCell(column(competencies, "Hindi description")).value).toBe("टिप्पण लिखता है।");

    const resources = workbook.getWorksheet("Knowledge resources")!;
    const manual = rowWith(resources, "Id", n.manual.id);
    expect(manual.getCell(column(resources, "URL")).value).toBe("https://dea.gov.in/budget-manual");
    expect(manual.getCell(column(resources, "Resource type")).value).toBe("Manual");
  });

  it("lists links with kind, names, required level and its name, and order", async () => {
    const { doc, n } = makeExportDocument();
    const links = (await read(await toXlsxBuffer(doc))).getWorksheet("Links")!;
    expect(headers(links)).toEqual(["Kind", "From", "To", "Required level", "Level name", "Order", "From id", "To id", "Link id", "Importance"]);
    const requirement = doc.links.find((l) => l.from === n.consolidate.id && l.to === n.finance.id)!;
    const row = rowWith(links, "Link id", requirement.id);
    expect((row.values as unknown[]).slice(1, 7)).toEqual(["Activity → Competency", "Consolidate demands for grants", "Financial Management", 4, "Expert", 0]);
    const roleRequirement = rowWith(links, "Link id", doc.links.find((l) => l.to === n.integrity.id)!.id);
    expect(roleRequirement.getCell(5).value).toBe("Advanced");
    expect(roleRequirement.getCell(column(links, "Importance")).value).toBe("Desirable");
    // Siblings in link order: the budget role's activities, "Draft the cabinet note" (order 0) first.
    const budgetChildren: unknown[] = [];
    links.eachRow((r, i) => {
      if (i > 1 && r.getCell(column(links, "From id")).value === n.budget.id) budgetChildren.push(r.getCell(3).value);
    });
    expect(budgetChildren).toEqual(["Draft the cabinet note", "Consolidate demands for grants", "Integrity"]);
  });

  it("keeps formula-like text as text", async () => {
    const { doc, n } = makeExportDocument();
    const activities = (await read(await toXlsxBuffer(doc))).getWorksheet("Activities")!;
    const cell = rowWith(activities, "Id", n.orphanActivity.id).getCell(2);
    expect(cell.value).toBe("=SUM(A1)");
    expect(cell.type).toBe(ExcelJS.ValueType.String);
  });

  describe("built at different times", () => {
    afterEach(() => vi.useRealTimers());

    it("gives the same bytes: the zip entries carry the document's date, not the clock", async () => {
      const { doc } = makeExportDocument();
      vi.useFakeTimers({ toFake: ["Date"], now: new Date("2030-01-01T10:00:00Z") });
      const first = await toXlsxBuffer(doc);
      vi.setSystemTime(new Date("2031-06-15T23:59:58Z"));
      const second = await toXlsxBuffer(doc);
      expect(second.equals(first)).toBe(true);
      // the local header's date word (offset 12) of the first entry holds the document's year
      const year = 1980 + (first.readUInt16LE(12) >> 9);
      expect(year).toBe(Math.max(1980, new Date(documentLastChange(doc)).getUTCFullYear()));
      expect((await read(first)).worksheets.length).toBe(XLSX_SHEETS.length);
    });
  });
});
