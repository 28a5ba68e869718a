import { describe, expect, it } from "vitest";
import { parseDelimited } from "@import/csv";
import { ImportError } from "@import/findings";
import {
  applyColumnMapping,
  detectLevelsSheet,
  detectSheetLayout,
  looksLikeJson,
  suggestMapping,
} from "@import/layouts";
import { FLAT_HEADER_ROW, fixtureText, flatRow } from "../../factories/import-data";

const IGOT_HEADERS = [
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

describe("detectSheetLayout", () => {
  it("recognises the flat layout, and FRAC Studio's export by its filled id columns", () => {
    const plain = detectSheetLayout([
      ["Position", "Role", "Activity", "Competency", "Competency type", "Theme", "Required level"],
    ]);
    expect(plain).toMatchObject({ layout: "flat", headerRow: 1, missing: [] });
    expect(detectSheetLayout([FLAT_HEADER_ROW, flatRow({ positionId: crypto.randomUUID() })])).toMatchObject({
      layout: "frac-export",
      headerRow: 1,
    });
    // The template has the id columns too, but empty: that is the plain flat layout.
    expect(detectSheetLayout([FLAT_HEADER_ROW, flatRow()])).toMatchObject({ layout: "flat" });
  });

  it("finds the header below title rows", () => {
    const rows = [["CBIC FRAC, March 2025"], [], ["Position", "Role", "Activity"], ["A", "B", "C"]];
    expect(detectSheetLayout(rows)).toMatchObject({
      layout: "flat",
      headerRow: 3,
      missing: ["competency", "requiredLevel"],
    });
  });

  it("recognises the iGOT bulk-upload sheet by header", () => {
    const layout = detectSheetLayout([
      IGOT_HEADERS,
      ["C1", "CID1", "COMPETENCY", "Customs valuation", "", "", "Domain", "Customs", "", ""],
    ]);
    expect(layout).toMatchObject({
      layout: "igot",
      headerRow: 1,
      byPosition: false,
      columns: { rowKey: 0, name: 3, competencyArea: 7 },
    });
  });

  it("reads a header-less ten-column workbook sheet by position, as the iGOT tool did", () => {
    const rows = [
      ["C1", "CID1", "COMPETENCY", "Customs valuation", "Assessable value", "CBIC", "Domain", "Customs", "", "Revenue"],
    ];
    expect(detectSheetLayout(rows, { workbook: true })).toMatchObject({
      layout: "igot",
      headerRow: null,
      byPosition: true,
      columns: { name: 3 },
    });
    // The same columns in a CSV are not guessed at: the user maps them.
    expect(detectSheetLayout(rows)).toMatchObject({ layout: "unknown", headerRow: 1 });
  });

  it("leaves the real OpenSALT CASE spreadsheet as unknown, with its headers for the mapping screen", () => {
    const { rows } = parseDelimited(fixtureText("opensalt_sample_case.csv"));
    const layout = detectSheetLayout(rows);
    expect(layout.layout).toBe("unknown");
    expect(layout.headers.slice(0, 3)).toEqual(["Identifier", "fullStatement", "Human Coding Scheme"]);
  });
});

describe("detectLevelsSheet", () => {
  it("recognises the levels sheet by header or by its six columns", () => {
    expect(detectLevelsSheet([["parent row key", "id", "type", "level", "name", "description"]])).toMatchObject({
      headerRow: 1,
      byPosition: false,
      columns: { level: 3 },
    });
    expect(detectLevelsSheet([["C1", "L1", "LEVEL", "1", "Basic", "Knows the basics"]])).toMatchObject({
      headerRow: null,
      byPosition: true,
    });
    expect(detectLevelsSheet([["Notes"], ["anything"]])).toBeNull();
  });
});

describe("applyColumnMapping", () => {
  const rows = [
    ["Designation", "Work allocated", "Task", "Skill", "Level"],
    ["US", "Budget", "Compile", "Budget Formulation & Implementation", "3"],
  ];

  it("reads a sheet with the user's mapping, reporting what is still missing", () => {
    const layout = applyColumnMapping(rows, {
      Designation: "position",
      "work allocated": "role",
      Skill: "competency",
      Level: "requiredLevel",
      Task: null,
    });
    expect(layout).toMatchObject({
      layout: "flat",
      headerRow: 1,
      mapping: { position: 0, role: 1, competency: 3, requiredLevel: 4 },
      missing: ["activity"],
      unknown: ["Task"],
    });
  });

  it("refuses a mapping to a header the file lacks, an unknown field, or one field twice", () => {
    expect(() => applyColumnMapping(rows, { Remarks: "position" })).toThrowError(ImportError);
    expect(() => applyColumnMapping(rows, { Designation: "designation" as never })).toThrowError(/not a field/u);
    expect(() => applyColumnMapping(rows, { Designation: "role", "Work allocated": "role" })).toThrowError(
      /twice|Two columns/u,
    );
  });

  it("takes the header row the user points at, below title rows", () => {
    const titled = [["Budget Division, 2025"], [], ...rows];
    expect(applyColumnMapping(titled, { Designation: "position", Skill: "competency" }, 3)).toMatchObject({
      headerRow: 3,
      mapping: { position: 0, competency: 3 },
    });
  });

  it("suggests a first mapping from headers that resemble flat columns", () => {
    expect(suggestMapping(["Designation", "Remarks", "Level"])).toEqual({
      Designation: "position",
      Remarks: null,
      Level: "requiredLevel",
    });
  });
});

describe("looksLikeJson", () => {
  it("is true only for text that starts with an object", () => {
    expect(looksLikeJson(' \n {"schemaVersion":"1.0"}')).toBe(true);
    expect(looksLikeJson("Position,Role")).toBe(false);
  });
});
