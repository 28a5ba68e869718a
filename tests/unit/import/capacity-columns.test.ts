import { describe, expect, it } from "vitest";
import { analyseImport } from "@import/index";
import type { ExistingSnapshot, ImportPlan } from "@import/plan-types";
import { applyPlan, cbicDomain, emptySnapshot, FLAT_HEADER_ROW, flatRow, kcmDictionary, toCsv, utf8 } from "../../factories/import-data";

const DICTIONARY = [...kcmDictionary(), ...cbicDomain()];

async function plan(rows: string[][], existing: ExistingSnapshot = emptySnapshot()): Promise<ImportPlan> {
  const analysis = await analyseImport({
    fileName: "frac.csv",
    bytes: utf8(toCsv([FLAT_HEADER_ROW, ...rows])),
    existing,
    dictionary: DICTIONARY,
    mdoCode: "CBIC",
    mode: "merge",
  });
  if (!analysis.plan) throw new Error("expected a plan");
  return analysis.plan;
}

describe("the Importance and Sanctioned posts columns", () => {
  it("read an importance per requirement (any case) and sanctioned posts per position (with Indian digit grouping)", async () => {
    const p = await plan([
      flatRow({ importance: "ESSENTIAL", sanctionedPosts: "1,200" }),
      flatRow({ competency: "Active Listening", competencyType: "Behavioural", theme: "", importance: " desirable ", sanctionedPosts: "1200" }),
    ]);
    expect(p.findings).toEqual([]);
    expect(p.nodes.position.create).toEqual([expect.objectContaining({ name: "Under Secretary, Budget Division", sanctionedPosts: 1200 })]);
    const requirements = p.links.create.filter((l) => l.kind === "activity_competency");
    expect(requirements.map((l) => [l.toName, l.importance])).toEqual([
      ["Budget Formulation & Implementation", "essential"],
      ["Active Listening", "desirable"],
    ]);
  });

  it("refuse an unknown importance and a count that is not a whole number, naming the cell", async () => {
    const p = await plan([flatRow({ importance: "critical" }), flatRow({ sanctionedPosts: "-3" }), flatRow({ sanctionedPosts: "2.5" })]);
    expect(p.ok).toBe(false);
    expect(p.findings.map((f) => [f.row, f.column, f.code])).toEqual([
      [2, "Importance", "importance_invalid"],
      [3, "Sanctioned posts", "sanctioned_posts_invalid"],
      [4, "Sanctioned posts", "sanctioned_posts_invalid"],
    ]);
    expect(p.findings[0].message).toContain('Importance "critical" is not Essential, Important or Desirable');
    expect(p.findings[1].message).toContain('Sanctioned posts "-3" is not a whole number');
  });

  it("report two importances or two counts for one link or position as a conflict", async () => {
    const p = await plan([
      flatRow({ importance: "essential", sanctionedPosts: "4" }),
      flatRow({ importance: "desirable", sanctionedPosts: "5", competency: "Active Listening", competencyType: "Behavioural", theme: "" }),
    ]);
    const codes = p.findings.filter((f) => f.severity === "error").map((f) => f.code);
    expect(codes).toEqual(["conflicting_value"]);
    const second = await plan([flatRow({ importance: "essential" }), flatRow({ importance: "desirable" })]);
    expect(second.findings.map((f) => f.code)).toEqual(["link_importance_conflict"]);
    expect(second.findings[0].message).toMatch(/rated essential on row 2 and desirable on row 3; give one importance/);
  });

  it("update a draft's importance and posts, leave them when the cells are empty, and re-read as unchanged", async () => {
    const first = await plan([flatRow({ sanctionedPosts: "4" })]);
    const draft = applyPlan(emptySnapshot(), DICTIONARY, first).existing;
    const rated = await plan([flatRow({ importance: "important", sanctionedPosts: "6" })], draft);
    expect(rated.updated).toMatchObject({ position: 1, link: 1 });
    expect(rated.nodes.position.update[0].changes).toEqual([{ field: "sanctionedPosts", before: "4", after: "6" }]);
    expect(rated.links.update[0]).toMatchObject({ importance: "important", importanceBefore: null, levelBefore: 3, level: 3 });
    const after = applyPlan(draft, DICTIONARY, rated).existing;
    const again = await plan([flatRow()], after);
    expect(again.updated).toMatchObject({ position: 0, link: 0 });
  });
});
