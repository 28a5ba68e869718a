import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { analyseImport, type ImportAnalysis } from "@import/index";
import type { ImportPlan } from "@import/plan-types";
import { defaultScale } from "@schemas/scale";
import { applyPlan, cbicDomain, emptySnapshot, kcmDictionary } from "../../factories/import-data";

const DICTIONARY = [...kcmDictionary(), ...cbicDomain()];
const COMPETENCY_HEADERS = [
  "row key",
  "id",
  "type",
  "name",
  "description",
  "source",
  "competencyType",
  "competencyArea",
  "cod",
  "competencySector",
];
const LEVEL_HEADERS = ["parent row key", "id", "type", "level", "name", "description"];

const COMPETENCIES = [
  [
    "1",
    "CID101",
    "COMPETENCY",
    "Gold smuggling detection",
    "Spotting concealment of gold in baggage and cargo.",
    "CBIC work allocation order 2024",
    "Domain",
    "Anti-smuggling",
    "",
    "Customs",
  ],
  [
    "2",
    "CID102",
    "COMPETENCY",
    "Customs valuation",
    "Determining the assessable value of imported and export goods.",
    "",
    "Domain",
    "",
    "",
    "",
  ],
  ["3", "CID103", "COMPETENCY", "Sound Judgment", "", "", "Behavioural", "Decision Making", "", ""],
];
const LEVELS = [
  ["1", "L1", "LEVEL", "1", "Basic", "Knows the usual concealment methods."],
  ["1", "L2", "LEVEL", "2", "Proficient", "Profiles passengers and cargo for gold."],
  ["1", "L3", "LEVEL", "3", "Advanced", "Leads operations against syndicates."],
];

async function workbook(o: { headers: boolean; levels?: string[][] }): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const first = book.addWorksheet("Competencies");
  if (o.headers) first.addRow(COMPETENCY_HEADERS);
  for (const row of COMPETENCIES) first.addRow(row);
  const second = book.addWorksheet("Levels");
  if (o.headers) second.addRow(LEVEL_HEADERS);
  for (const row of o.levels ?? LEVELS) second.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const analyse = (bytes: Uint8Array, dictionary = DICTIONARY, existing = emptySnapshot()) =>
  analyseImport({ fileName: "igot-bulk-upload.xlsx", bytes, existing, dictionary, mdoCode: "CBIC", mode: "merge" });
const plan = (a: ImportAnalysis): ImportPlan => {
  if (!a.plan) throw new Error("expected a plan");
  return a.plan;
};

describe("the iGOT FRAC bulk-upload workbook", () => {
  it("reads competencies and their levels by header into the ministry's Domain competencies", async () => {
    const result = await analyse(await workbook({ headers: true }));
    expect(result).toMatchObject({ layout: "igot", headerRow: 1, sheet: "Competencies" });
    const p = plan(result);
    const gold = p.competencies.create.find((c) => c.name === "Gold smuggling detection");
    expect(gold).toMatchObject({
      type: "Domain",
      mdoCode: "CBIC",
      code: "CID101",
      theme: "Anti-smuggling",
      source: "CBIC work allocation order 2024",
      rows: [2],
    });
    expect(gold?.scale.levels.map((l) => [l.level, l.name, l.descriptor])).toEqual([
      [1, "Basic", "Knows the usual concealment methods."],
      [2, "Proficient", "Profiles passengers and cargo for gold."],
      [3, "Advanced", "Leads operations against syndicates."],
    ]);
    // The theme is created as a Domain entry too; "Customs valuation" already exists for CBIC.
    expect(p.competencies.create.map((c) => c.name).sort()).toEqual(["Anti-smuggling", "Gold smuggling detection"]);
    expect(p.competencies.update.map((c) => c.name)).toEqual(["Customs valuation"]);
    // A Behavioural name that is not in the KCM is an error with suggestions.
    expect(p.findings.filter((f) => f.severity === "error")).toEqual([
      expect.objectContaining({
        row: 4,
        sheet: "Competencies",
        code: "competency_unknown",
        suggestions: expect.arrayContaining(["Sound Judgement"]),
      }),
    ]);
    // cod/competencySector have no field here; said once, not per row.
    expect(p.findings).toContainEqual(
      expect.objectContaining({ code: "column_ignored", column: "competencySector", severity: "warning" }),
    );
  });

  it("reads a header-less workbook by column position, with a warning to check the preview", async () => {
    const result = await analyse(await workbook({ headers: false }));
    expect(result).toMatchObject({ layout: "igot", headerRow: null });
    const p = plan(result);
    expect(p.findings).toContainEqual(expect.objectContaining({ code: "read_by_position", severity: "warning" }));
    expect(p.competencies.create.find((c) => c.name === "Gold smuggling detection")?.scale.levels).toHaveLength(3);
  });

  it("updates a Domain competency the ministry owns, and re-importing changes nothing", async () => {
    const bytes = await workbook({ headers: true });
    const first = plan(await analyse(bytes));
    const after = applyPlan(emptySnapshot(), DICTIONARY, first);
    const second = plan(await analyse(bytes, after.dictionary));
    expect(second.created.competency).toBe(0);
    expect(second.updated.competency).toBe(0);
  });

  it("updates the description of the ministry's own competency", async () => {
    const dictionary = DICTIONARY.map((e) =>
      e.name === "Customs valuation" ? { ...e, description: "Old text.", scale: defaultScale(5) } : e,
    );
    const p = plan(await analyse(await workbook({ headers: true }), dictionary));
    expect(p.competencies.update).toEqual([
      expect.objectContaining({
        name: "Customs valuation",
        changes: [
          {
            field: "description",
            before: "Old text.",
            after: "Determining the assessable value of imported and export goods.",
          },
        ],
      }),
    ]);
  });

  it("reports levels that point at no competency, and scales with gaps", async () => {
    const levels = [
      ["9", "L9", "LEVEL", "1", "Basic", ""],
      ["1", "L1", "LEVEL", "1", "Basic", ""],
      ["1", "L3", "LEVEL", "3", "Advanced", ""],
      ["1", "L4", "LEVEL", "7", "Beyond", ""],
    ];
    const p = plan(await analyse(await workbook({ headers: true, levels })));
    const errors = p.findings.filter((f) => f.severity === "error" && f.code !== "competency_unknown");
    expect(errors.map((f) => [f.sheet, f.row, f.code])).toEqual([
      ["Competencies", 2, "scale_invalid"],
      ["Levels", 2, "level_parent_unknown"],
      ["Levels", 5, "level_invalid"],
    ]);
    expect(errors[0].message).toContain("levels 1, 3");
  });
});
