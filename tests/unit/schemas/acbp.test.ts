// ACBP rules checked by hand: the financial year, the priority of each starting row, and reading
// the page's form. The framework (levels in brackets, importance after the level):
//
//   Under Secretary (10 posts) ── Budget ──┬── Consolidate ── Finance [3, essential], Drafting [2]
//                                          └── Finance [2, desirable] (role's own requirement)
//   Section Officer (25 posts) ─┬─ Budget (shared, as above)
//                               └─ Records ── File ── Drafting [4, important]
//   Consultant (no posts)      ── Records (as above)
//
// By hand: Finance level 3: US and SO, each rated essential (the highest on their paths) → 3×10 + 3×25 = 105.
// Drafting level 4: SO (important, 25 posts) and Consultant (important, 0 posts) → 2×25 + 0 = 50, weighted positions 4.
// Drafting level 2: US only, unrated (weighs as important) → 2×10 = 20.
import { describe, expect, it } from "vitest";
import { acbpDemand, currentFinancialYear, financialYearLabel, importanceWeight, parseFinancialYear } from "@schemas/acbp";
import { readPlanRows } from "@schemas/acbp-form";
import type { FracDocument } from "@schemas/frac-document";
import { makeActivity, makeCompetency, makeFracDocument, makeLink, makePosition, makeRole } from "./doc-factory";

function planFramework() {
  const n = {
    us: makePosition({ name: "Under Secretary", sanctionedPosts: 10 }),
    so: makePosition({ name: "Section Officer", sanctionedPosts: 25 }),
    consultant: makePosition({ name: "Consultant" }),
    budget: makeRole({ name: "Budget" }),
    records: makeRole({ name: "Records" }),
    consolidate: makeActivity({ name: "Consolidate" }),
    file: makeActivity({ name: "File" }),
    finance: makeCompetency({ name: "Finance", code: "FUN-060", competencyType: "Functional" }),
    drafting: makeCompetency({ name: "Drafting", competencyType: "Domain" }),
  };
  const links = [
    makeLink(n.us, n.budget),
    makeLink(n.so, n.budget),
    makeLink(n.so, n.records),
    makeLink(n.consultant, n.records),
    makeLink(n.budget, n.consolidate),
    makeLink(n.budget, n.finance, { level: 2, importance: "desirable" }),
    makeLink(n.consolidate, n.finance, { level: 3, importance: "essential" }),
    makeLink(n.consolidate, n.drafting, { level: 2, importance: undefined }),
    makeLink(n.records, n.file),
    makeLink(n.file, n.drafting, { level: 4, importance: "important" }),
  ];
  const doc: FracDocument = { ...makeFracDocument(), nodes: Object.values(n), links };
  return { doc, n };
}

describe("the financial year", () => {
  it("runs April to March in India's time, named by its first year", () => {
    expect(currentFinancialYear(new Date("2026-12-06T10:00:00Z"))).toBe(2026);
    expect(currentFinancialYear(new Date("2027-03-31T18:00:00Z"))).toBe(2026); // 23:30 IST on 31 March
    expect(currentFinancialYear(new Date("2027-03-31T18:30:00Z"))).toBe(2027); // midnight IST on 1 April
    expect(currentFinancialYear(new Date("2027-01-15T00:00:00Z"))).toBe(2026);
    expect(financialYearLabel(2026)).toBe("2026-27");
    expect(financialYearLabel(2099)).toBe("2099-00");
  });

  it("reads 2026 and 2026-27 as the same year and refuses anything else", () => {
    expect(parseFinancialYear("2026")).toBe(2026);
    expect(parseFinancialYear(" 2026-27 ")).toBe(2026);
    for (const bad of ["2026-28", "26", "2026/27", "1999", "2101", "abcd", "", "2026-2027"]) expect(parseFinancialYear(bad), bad).toBeNull();
  });
});

describe("acbpDemand", () => {
  it("gives each row importance × posts summed over its positions, highest priority first", () => {
    const rows = acbpDemand(planFramework().doc).map((r) => [r.competency.name, r.level, r.importance, r.positions, r.posts, r.priority, r.weightedPositions]);
    expect(rows).toEqual([
      ["Finance", 3, "essential", 2, 35, 105, 6],
      ["Drafting", 4, "important", 2, 25, 50, 4],
      ["Drafting", 2, null, 1, 10, 20, 2],
    ]);
  });

  it("weighs essential 3, important 2, desirable 1, and an unrated requirement as important", () => {
    expect([importanceWeight("essential"), importanceWeight("important"), importanceWeight("desirable"), importanceWeight(null)]).toEqual([3, 2, 1, 2]);
  });

  it("orders rows with equal priority (no posts anywhere) by weighted positions", () => {
    const { doc } = planFramework();
    const noPosts = { ...doc, nodes: doc.nodes.map((x) => (x.kind === "position" ? { ...x, sanctionedPosts: undefined } : x)) };
    const rows = acbpDemand(noPosts);
    expect(rows.every((r) => r.priority === 0)).toBe(true);
    expect(rows.map((r) => [r.competency.name, r.level, r.weightedPositions])).toEqual([
      ["Finance", 3, 6],
      ["Drafting", 4, 4],
      ["Drafting", 2, 2],
    ]);
  });
});

describe("readPlanRows", () => {
  const id = "0b9f5a47-3d8e-4f43-9d2c-5c1f0a3b7e21";
  it("reads lenses, mode, officials and quarter, and an empty officials field as the default", () => {
    const read = readPlanRows({
      intent: "save",
      year: "2026",
      "row-0-competency": id,
      "row-0-level": "3",
      "row-0-lens-emerging_technology": "on",
      "row-0-lens-national_priorities": "on",
      "row-0-mode": "formal_course",
      "row-0-officials": "1,200",
      "row-0-quarter": "2",
      "row-1-competency": id,
      "row-1-level": "2",
      "row-1-officials": "",
    });
    expect(read).toEqual({
      ok: true,
      rows: [
        { competencyId: id, level: 3, lenses: ["national_priorities", "emerging_technology"], mode: "formal_course", officials: 1200, quarter: 2 },
        { competencyId: id, level: 2, lenses: [], mode: null, officials: null, quarter: null },
      ],
    });
  });

  it("names every bad field with its problem", () => {
    const read = readPlanRows({
      "row-0-competency": id,
      "row-0-level": "3",
      "row-0-lens-world_peace": "on",
      "row-0-mode": "by_osmosis",
      "row-0-officials": "-5",
      "row-0-quarter": "5",
      "row-1-competency": id,
      "row-1-level": "3",
      "row-1-officials": "2.5",
      "row-2-competency": "not-a-uuid",
      "row-2-level": "1",
      "row-3-competency": id,
      "row-3-level": "1",
      "row-3-officials": "99999999",
      "row-4-competency": id,
      "row-4-level": "2",
      "row-4-officials": "lots",
      stray: "x",
    });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => [p.field, p.code])).toEqual([
      ["stray", "field_unknown"],
      ["row-0-lens-world_peace", "lens_unknown"],
      ["row-0-mode", "mode_unknown"],
      ["row-0-quarter", "quarter_out_of_range"],
      ["row-0-officials", "officials_negative"],
      ["row-1-competency", "row_duplicate"],
      ["row-1-officials", "officials_not_whole"],
      ["row-2-competency", "row_incomplete"],
      ["row-3-officials", "officials_too_many"],
      ["row-4-officials", "officials_not_whole"],
    ]);
  });

  it("refuses more rows than a plan may hold", () => {
    const fields: Record<string, string> = {};
    for (let i = 0; i < 2001; i++) fields[`row-${i}-level`] = "1";
    expect(readPlanRows(fields)).toEqual({ ok: false, problems: [{ field: "rows", code: "too_many_rows", params: { max: 2000 } }] });
  });
});
