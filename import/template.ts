/**
 * The file the import page offers to start from: the flat layout with its header row and one
 * example row, as CSV (UTF-8 with a BOM, so Excel shows the Hindi correctly) and as .xlsx
 * with a second sheet that lists the allowed values.
 */
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { COMPETENCY_TYPES } from "@schemas/enums";
import { EXPORT_COLUMNS, FLAT_COLUMNS, FLAT_HEADERS, toFlatCells, type FlatKey } from "@schemas/flat-layout";
import { DEFAULT_SCALE } from "@schemas/scale";

// Real KCM names, so the example imports as it stands.
const EXAMPLE: Partial<Record<FlatKey, string>> = {
  position: "Under Secretary, Budget Division",
  positionDescription: "Prepares and monitors the budget of the department and advises on expenditure proposals.",
  role: "Budget preparation",
  roleDescription: "Prepares the department's budget estimates and demands for grants.",
  activity: "Consolidate demands for grants",
  activityDescription:
    "Collect the estimates of every division, check them against ceilings and compile the demands for grants.",
  competency: "Budget Formulation & Implementation",
  competencyType: "Functional",
  theme: "Financial Management",
  requiredLevel: "3",
  positionNameHi: "अवर सचिव, बजट प्रभाग",
  roleNameHi: "बजट तैयारी",
  activityNameHi: "अनुदान माँगों का समेकन",
  activityDescriptionHi: "प्रत्येक प्रभाग के अनुमान एकत्र करना, उन्हें सीमाओं से मिलाना और अनुदान माँगें संकलित करना।",
};

/** The template's cells: the header row and the example row, in FLAT_COLUMNS order. */
export function flatTemplateRows(): string[][] {
  return [[...FLAT_HEADERS], toFlatCells(EXAMPLE)];
}

/** The template as CSV text: UTF-8 BOM, comma-separated, CRLF line ends (what Excel writes and reads best). */
export function flatTemplateCsv(): string {
  return `\uFEFF${Papa.unparse(flatTemplateRows(), { newline: "\r\n" })}\r\n`;
}

/** The template as an .xlsx workbook: "FRAC" (header + example row) and "Allowed values". */
export async function flatTemplateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "FRAC Studio";
  const sheet = workbook.addWorksheet("FRAC", { views: [{ state: "frozen", ySplit: 1 }] });
  const [header, example] = flatTemplateRows();
  sheet.addRow(header);
  sheet.addRow(example);
  sheet.getRow(1).font = { bold: true };
  EXPORT_COLUMNS.forEach((column, index) => {
    const excelColumn = sheet.getColumn(index + 1);
    excelColumn.width = Math.max(14, Math.min(40, column.header.length + 4));
    // Cells are text: a level "3" or an id must not turn into a number or a date.
    excelColumn.numFmt = "@";
    const cell = sheet.getCell(1, index + 1);
    cell.note = `${column.description}${column.required ? " (column required)" : ""}`;
  });

  const allowed = workbook.addWorksheet("Allowed values");
  allowed.addRow(["Column", "Allowed value", "Meaning"]).font = { bold: true };
  for (const type of COMPETENCY_TYPES) allowed.addRow(["Competency type", type, competencyTypeMeaning[type]]);
  for (const level of DEFAULT_SCALE.levels)
    allowed.addRow(["Required level", String(level.level), `${level.name}: ${level.descriptor}`]);
  for (const level of DEFAULT_SCALE.levels) allowed.addRow(["Required level", level.name, `Same as ${level.level}.`]);
  allowed.addRow([]);
  allowed.addRow(["Column", "Required", "What to write"]).font = { bold: true };
  // Every column the import reads, the import-only `Hindi name` and `Hindi description` included.
  for (const column of FLAT_COLUMNS)
    allowed.addRow([column.header, column.required ? "yes" : "no", column.description]);
  allowed.getColumn(1).width = 22;
  allowed.getColumn(2).width = 40;
  allowed.getColumn(3).width = 100;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const competencyTypeMeaning: Record<(typeof COMPETENCY_TYPES)[number], string> = {
  Behavioural: "From the Karmayogi Competency Model; must match a dictionary name.",
  Functional: "From the Karmayogi Competency Model; must match a dictionary name.",
  Domain: "The ministry's own subject competency; created in the dictionary when it is new.",
};
