/**
 * A ministry's ACBP as the one-sheet workbook it sends to the CBC: title rows (ministry, financial
 * year, source version, whether the plan was saved), a header, one row per competency and level in
 * priority order, a totals row, and officials per 70-20-10 mode and per quarter. Numbers stay numbers;
 * text cells go through the same formula-injection guard as the CSV exports (neutraliseCell), since a
 * plan is forwarded, copied into other sheets and re-saved as CSV along the way.
 */
import ExcelJS from "exceljs";
import {
  ACBP_LENS_LABELS,
  ACBP_LENSES,
  ACBP_MODE_LABELS,
  ACBP_MODES,
  ACBP_QUARTERS,
  financialYearLabel,
  QUARTER_MONTHS,
  type AcbpLine,
} from "@schemas/acbp";
import { IMPORTANCE_LABELS, IMPORTANCE_WEIGHTS } from "@schemas/enums";
import { neutraliseCell } from "@schemas/flat-layout";
import { setZipEntryTimes } from "./zip-times";

export type AcbpWorkbookInput = {
  mdo: { code: string; name: string };
  year: number;
  source: { number: number; publishedAt: string } | null;
  saved: { updatedAt: string; updatedBy: string | null } | null;
  lines: readonly AcbpLine[];
};

/** The column headers of the plan's table, in order. */
export const ACBP_HEADERS = [
  "No.",
  "Competency",
  "KCM code",
  "Type",
  "Level",
  "Importance",
  "Positions",
  "Sanctioned posts",
  "Priority",
  ...ACBP_LENSES.map((l) => `Lens: ${ACBP_LENS_LABELS[l]}`),
  "Mode (70-20-10)",
  "Officials to reach",
  "Quarter",
] as const;

/** The row (1-based) of the header in the sheet: the title rows come first. */
export const ACBP_HEADER_ROW = 7;

const text = (s: string) => neutraliseCell(s);
const day = (iso: string) => iso.slice(0, 10);

/** The workbook's bytes. */
export async function acbpXlsx(input: AcbpWorkbookInput): Promise<Buffer> {
  const { mdo, year, source, saved, lines } = input;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "FRAC Studio";
  // why fixed dates: the same plan gives the same bytes (and ETag), whenever it is downloaded.
  const asOf = new Date(saved?.updatedAt ?? source?.publishedAt ?? Date.UTC(year, 3, 1));
  workbook.created = asOf;
  workbook.modified = asOf;
  const sheet = workbook.addWorksheet("ACBP", { views: [{ state: "frozen", ySplit: ACBP_HEADER_ROW }] });
  const fy = financialYearLabel(year);
  sheet.addRow([text(`Annual Capacity Building Plan ${fy}`)]).font = { bold: true, size: 14 };
  // why the check: iGOT's names often carry the code already, "… Customs (CBIC)".
  sheet.addRow(["Ministry / Department / Organisation", text(mdo.name.includes(`(${mdo.code})`) ? mdo.name : `${mdo.name} (${mdo.code})`)]);
  sheet.addRow(["Financial year", `${fy} (1 April ${year} to 31 March ${year + 1})`]);
  sheet.addRow(["Source", source ? `FRAC version ${source.number}, published ${day(source.publishedAt)}` : "No published FRAC version"]);
  sheet.addRow(["Plan", saved ? text(`Saved ${day(saved.updatedAt)}${saved.updatedBy ? ` by ${saved.updatedBy}` : ""}`) : "Starting plan drawn from the version's competency demand (not saved)"]);
  const w = IMPORTANCE_WEIGHTS;
  sheet.addRow(["Priority", `importance weight (essential ${w.essential}, important ${w.important}, desirable ${w.desirable}, not rated ${w.important}) × sanctioned posts, summed over the positions`]);
  for (let r = 2; r <= 6; r++) sheet.getCell(r, 1).font = { bold: true };

  const header = sheet.addRow([...ACBP_HEADERS]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "top" };
  lines.forEach((l, i) => {
    const c = l.competency;
    sheet.addRow([
      i + 1,
      text(c.name),
      text(c.code ?? ""),
      c.type,
      l.level,
      l.importance ? IMPORTANCE_LABELS[l.importance] : "Not rated",
      l.positions,
      l.posts,
      l.priority,
      ...ACBP_LENSES.map((lens) => (l.lenses.includes(lens) ? "Yes" : "")),
      l.mode ? ACBP_MODE_LABELS[l.mode] : "",
      l.officials,
      l.quarter ? `Q${l.quarter} (${QUARTER_MONTHS[l.quarter]})` : "",
    ]);
  });
  const sum = (f: (l: AcbpLine) => number) => lines.reduce((n, l) => n + f(l), 0);
  const totals = sheet.addRow([
    "Total",
    `${lines.length} competency levels`,
    "",
    "",
    "",
    "",
    "",
    "",
    sum((l) => l.priority),
    ...ACBP_LENSES.map((lens) => sum((l) => (l.lenses.includes(lens) ? 1 : 0))),
    "",
    sum((l) => l.officials),
    "",
  ]);
  totals.font = { bold: true };
  if (lines.length > 0) sheet.autoFilter = { from: { row: ACBP_HEADER_ROW, column: 1 }, to: { row: ACBP_HEADER_ROW + lines.length, column: ACBP_HEADERS.length } };

  sheet.addRow([]);
  sheet.addRow(["Officials to reach by mode"]).font = { bold: true };
  for (const mode of ACBP_MODES) sheet.addRow([ACBP_MODE_LABELS[mode], sum((l) => (l.mode === mode ? l.officials : 0))]);
  sheet.addRow(["Mode not chosen", sum((l) => (l.mode ? 0 : l.officials))]);
  sheet.addRow([]);
  sheet.addRow(["Officials to reach by quarter"]).font = { bold: true };
  for (const q of ACBP_QUARTERS) sheet.addRow([`Q${q} (${QUARTER_MONTHS[q]})`, sum((l) => (l.quarter === q ? l.officials : 0))]);
  sheet.addRow(["Quarter not chosen", sum((l) => (l.quarter ? 0 : l.officials))]);

  [36, 44, 10, 12, 7, 12, 10, 12, 10, 14, 14, 14, 20, 12, 16].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  return setZipEntryTimes(Buffer.from(await workbook.xlsx.writeBuffer()), asOf);
}

/** The file name a plan is downloaded as, e.g. CBIC-ACBP-2026-27.xlsx. */
export const acbpFileName = (code: string, year: number) => `${code}-ACBP-${financialYearLabel(year)}.xlsx`;
