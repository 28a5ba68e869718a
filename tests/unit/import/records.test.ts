import { describe, expect, it } from "vitest";
import { LIMITS } from "@schemas/limits";
import { detectSheetLayout, type FlatSheetLayout } from "@import/layouts";
import { readFlatRecords } from "@import/records";
import { FLAT_HEADER_ROW, flatRow } from "../../factories/import-data";

function read(dataRows: string[][], header = FLAT_HEADER_ROW) {
  const rows = [header, ...dataRows];
  const layout = detectSheetLayout(rows) as FlatSheetLayout;
  return readFlatRecords(rows, layout);
}

const codes = (findings: { code: string; row: number }[]) => findings.map((f) => `${f.row}:${f.code}`);

describe("readFlatRecords", () => {
  it("reads a chain with trimmed, NFC-normalised cells and names on one line", () => {
    // "é" typed as e + combining accent becomes one character (NFC).
    const { chains, findings } = read([
      flatRow({
        position: "  Under   Secretary\n(Budget) ",
        positionDescription: " Line one\r\nLine two ",
        positionNameHi: " अवर सचिव ",
        roleDescription: "Cafe\u0301 budget",
        requiredLevel: " 3 ",
      }),
    ]);
    expect(findings).toEqual([]);
    expect(chains).toEqual([
      {
        row: 2,
        position: { name: "Under Secretary (Budget)", description: "Line one\nLine two", nameHi: "अवर सचिव" },
        role: { name: "Budget preparation", description: "Café budget" },
        activity: { name: "Consolidate demands for grants" },
        competency: { name: "Budget Formulation & Implementation", type: "Functional", theme: "Financial Management" },
        level: 3,
      },
    ]);
  });

  it("reads the per-kind Hindi descriptions, and the plain Hindi name and description for the row's deepest node", () => {
    const header = [...FLAT_HEADER_ROW, "Hindi name", "Hindi description"];
    const plain = (cells: string[], nameHi: string, descriptionHi: string) => [...cells, nameHi, descriptionHi];
    const { chains, findings } = read(
      [
        plain(flatRow({ positionDescriptionHi: "बजट प्रभाग का पद", roleDescriptionHi: "बजट की तैयारी" }), "अनुदान माँगों का समेकन", "माँगें संकलित करना।\nदूसरी पंक्ति"),
        plain(flatRow({ activity: "", competency: "", requiredLevel: "", theme: "", competencyType: "" }), "बजट तैयारी", ""),
      ],
      header,
    );
    expect(findings).toEqual([]);
    expect(chains[0]).toMatchObject({
      position: { descriptionHi: "बजट प्रभाग का पद" },
      role: { descriptionHi: "बजट की तैयारी" },
      activity: { nameHi: "अनुदान माँगों का समेकन", descriptionHi: "माँगें संकलित करना।\nदूसरी पंक्ति" },
    });
    // Without an activity, the role is the row's deepest node.
    expect(chains[1].role).toMatchObject({ nameHi: "बजट तैयारी" });
    expect(chains[1].activity).toBeUndefined();
  });

  it("refuses a row whose plain Hindi name contradicts the per-kind column, and an over-long Hindi description", () => {
    const header = [...FLAT_HEADER_ROW, "Hindi name"];
    const { chains, findings } = read(
      [
        [...flatRow({ activityNameHi: "समेकन" }), "अनुदान माँगों का समेकन"],
        [...flatRow({ roleDescriptionHi: "न".repeat(LIMITS.DESCRIPTION_HI_MAX + 1) }), ""],
      ],
      header,
    );
    expect(chains).toEqual([]);
    expect(findings.map((f) => [f.row, f.code, f.column])).toEqual([
      [2, "conflicting_value", "Hindi name"],
      [3, "text_too_long", "Role Hindi description"],
    ]);
    expect(findings[0].message).toContain("Activity Hindi name");
  });

  it("reads an empty Activity as a competency the role itself requires", () => {
    const { chains } = read([
      flatRow({
        activity: "",
        competency: "Sound Judgement",
        competencyType: "Behavioural",
        theme: "Decision Making",
        requiredLevel: "Advanced",
      }),
    ]);
    expect(chains[0].activity).toBeUndefined();
    expect(chains[0]).toMatchObject({
      role: { name: "Budget preparation" },
      competency: { name: "Sound Judgement" },
      level: "Advanced",
    });
  });

  it("removes the quote the exporter put before formula-like text, and keeps the text as text", () => {
    const { chains } = read([
      flatRow({ position: '\'=HYPERLINK("http://evil")', role: "'-Budget", activity: "'plain quote" }),
    ]);
    expect(chains[0].position?.name).toBe('=HYPERLINK("http://evil")');
    expect(chains[0].role?.name).toBe("-Budget");
    expect(chains[0].activity?.name).toBe("'plain quote");
  });

  it("accepts levels as numbers, Excel decimals, 'Level n' and level names", () => {
    const levels = ["2", "2.0", "Level 2", "L2", "proficient"].map(
      (requiredLevel) => read([flatRow({ requiredLevel })]).chains[0].level,
    );
    expect(levels).toEqual([2, 2, 2, 2, "proficient"]);
  });

  it("reports each bad cell with its row, column and value", () => {
    const { chains, findings } = read([
      flatRow({ positionId: "PID123" }),
      flatRow({ competencyType: "Technical" }),
      flatRow({ requiredLevel: "7" }),
      flatRow({ requiredLevel: "high" }),
      flatRow({ requiredLevel: "" }),
      flatRow({ competency: "", competencyType: "", theme: "" }),
      flatRow({ role: "" }),
      flatRow({ role: "", activity: "", competency: "", competencyType: "", theme: "", requiredLevel: "" }),
      flatRow({ position: "", positionId: crypto.randomUUID() }),
      flatRow({ position: "x".repeat(100_000) }),
    ]);
    expect(codes(findings)).toEqual([
      "2:id_invalid",
      "3:competency_type_unknown",
      "4:level_invalid",
      "5:level_invalid",
      "6:level_missing",
      "7:competency_missing",
      "8:chain_gap",
      "9:role_missing",
      "10:name_missing",
      "11:text_too_long",
    ]);
    expect(findings[0]).toMatchObject({ column: "Position id", value: "PID123", severity: "error" });
    expect(findings[2].message).toContain("numbered 1 to 5");
    expect(findings[3].message).toMatch(/neither a number 1–5 nor a level name/u);
    expect(findings[7]).toMatchObject({ severity: "warning" });
    expect(findings[9].message).toContain(`at most ${LIMITS.NAME_MAX}`);
    expect(findings[9].value?.length).toBeLessThanOrEqual(120);
    // Rows with errors yield no record; the warning row (position without role) does.
    expect(chains.map((c) => c.row)).toEqual([9]);
  });

  it("keeps <script> in a name as plain text", () => {
    const { chains, findings } = read([flatRow({ role: "<script>alert(1)</script>" })]);
    expect(findings).toEqual([]);
    expect(chains[0].role?.name).toBe("<script>alert(1)</script>");
  });

  it("reports missing, duplicate and unknown headers on the header row", () => {
    const { findings } = read([["A", "B", "C", "D"]], ["Position", "Designation", "Role", "Remarks"]);
    expect(findings.map((f) => [f.row, f.code, f.column])).toEqual([
      [1, "header_missing", "Activity"],
      [1, "header_missing", "Competency"],
      [1, "header_missing", "Required level"],
      [1, "header_duplicate", "Position"],
      [1, "header_unknown", "Remarks"],
    ]);
    expect(findings[4].message).toContain("not part of the layout");
  });

  it("skips blank rows but keeps the row numbers of the rest", () => {
    const { chains } = read([flatRow(), ["", "", ""], flatRow({ role: "Expenditure control" })]);
    expect(chains.map((c) => c.row)).toEqual([2, 4]);
  });
});
