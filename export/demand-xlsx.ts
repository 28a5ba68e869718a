/** A demand table as a one-sheet workbook: header frozen and filtered, numbers as numbers. */
import ExcelJS from "exceljs";
import { DEMAND_HEADERS, type DemandRow } from "@schemas/demand";

/** The workbook's bytes; `title` names the sheet's source in its first line, e.g. "CBIC version 3". */
export async function demandXlsx(rows: readonly DemandRow[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "FRAC Studio";
  const sheet = workbook.addWorksheet("Demand", { views: [{ state: "frozen", ySplit: 2 }] });
  sheet.addRow([`Competency demand: ${title}`]).font = { bold: true };
  const header = sheet.addRow([...DEMAND_HEADERS]);
  header.font = { bold: true };
  for (const r of rows) {
    const c = r.competency;
    sheet.addRow([c.id, c.code ?? "", c.name, c.type, r.level, r.positions, r.posts]);
  }
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: DEMAND_HEADERS.length } };
  [38, 10, 44, 12, 8, 10, 16].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
