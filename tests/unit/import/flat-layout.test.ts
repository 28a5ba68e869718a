import { describe, expect, it } from "vitest";
import {
  FLAT_COLUMNS,
  FLAT_HEADERS,
  isUuid,
  matchHeaders,
  neutraliseCell,
  normaliseHeader,
  restoreCell,
  toFlatCells,
} from "@schemas/flat-layout";
import { FLAT_HEADER_ROW } from "../../factories/import-data";

describe("FLAT_COLUMNS", () => {
  it("lists the fourteen main columns in the export's order, one Hindi name column per node kind, then the 1.1 columns Importance, Sanctioned posts, the Hindi descriptions and where a role or activity was reused from", () => {
    expect(FLAT_HEADERS).toEqual(FLAT_HEADER_ROW);
    // The plain Hindi columns are read, never written.
    expect(FLAT_COLUMNS.filter((c) => c.importOnly).map((c) => c.header)).toEqual(["Hindi name", "Hindi description"]);
    expect(FLAT_COLUMNS.filter((c) => c.required).map((c) => c.header)).toEqual([
      "Position",
      "Role",
      "Activity",
      "Competency",
      "Required level",
    ]);
    expect(FLAT_COLUMNS.every((c) => c.description.length > 10)).toBe(true);
  });
});

describe("matchHeaders", () => {
  it("matches headers case-, space-, underscore- and hyphen-insensitively, and aliases", () => {
    const match = matchHeaders([
      " POSITION_ID ",
      "position",
      "Designation ",
      "role-id",
      "ROLE",
      "activity",
      "Competency Name",
      "level",
      "Theme*",
    ]);
    expect(match.mapping).toMatchObject({
      positionId: 0,
      position: 1,
      roleId: 3,
      role: 4,
      activity: 5,
      competency: 6,
      requiredLevel: 7,
      theme: 8,
    });
    expect(match.duplicates).toEqual([{ key: "position", columns: [1, 2] }]);
    expect(match.missing).toEqual([]);
  });

  it("reports unknown headers and missing required ones, ignoring empty header cells", () => {
    const match = matchHeaders(["Position", "Role", "", "Hindi name", "Remarks"]);
    expect(match.unknown).toEqual(["Remarks"]);
    expect(match.mapping.nameHi).toBe(3);
    expect(match.missing).toEqual(["activity", "competency", "requiredLevel"]);
  });

  it("normalises headers the same way whatever the spelling", () => {
    expect(normaliseHeader("Position Hindi name")).toBe(normaliseHeader("position_hindi-NAME"));
  });
});

describe("neutraliseCell / restoreCell", () => {
  const risky = ["=SUM(A1:A3)", "+91 11 2309", "-5", "@cmd", "\tindent", "\rcr", '=HYPERLINK("http://x")'];
  const tricky = ["'=already quoted", "''=two quotes", "'plain", "''", "'", "", "Plain name", "अवर सचिव", "a=b"];

  it("prefixes a quote to cells that a spreadsheet would run as formulas", () => {
    for (const cell of risky) expect(neutraliseCell(cell)).toBe(`'${cell}`);
    expect(neutraliseCell("Plain name")).toBe("Plain name");
    expect(neutraliseCell("a=b")).toBe("a=b");
  });

  it("round-trips every value losslessly, including ones that already start with quotes", () => {
    for (const cell of [...risky, ...tricky]) expect(restoreCell(neutraliseCell(cell))).toBe(cell);
  });

  it("strips exactly the one quote the exporter added, and leaves other quotes alone", () => {
    expect(restoreCell("'=1+2")).toBe("=1+2");
    expect(restoreCell("'plain")).toBe("'plain");
    expect(restoreCell("''=x")).toBe("'=x");
  });

  it("toFlatCells writes a row in column order, neutralised", () => {
    const cells = toFlatCells({ position: "=evil()", requiredLevel: 3 });
    expect(cells).toHaveLength(FLAT_HEADERS.length);
    expect(cells[1]).toBe("'=evil()");
    expect(cells[13]).toBe("3");
  });
});

describe("isUuid", () => {
  it("accepts UUIDs and refuses iGOT-style ids", () => {
    expect(isUuid(crypto.randomUUID())).toBe(true);
    expect(isUuid("PID123")).toBe(false);
    expect(isUuid("")).toBe(false);
  });
});
