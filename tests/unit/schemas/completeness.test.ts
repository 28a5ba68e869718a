// Completeness checked by hand on a small framework (weights: structure and levels 2, the rest 1; total 12).
//
//   Under Secretary (10 posts, description, Hindi) ── Budget (description, Hindi) ──┬── Consolidate (description)
//                                                                                    │     ├─ Finance [3], no importance
//                                                                                    │     └─ Drafting [4 on a 3-level scale], important
//                                                                                    └── Finance [2], essential (role's own)
//   Section Officer (nothing filled) ─┬─ Budget (shared, as above)
//                                     └─ Records (nothing filled, no activities)
//   Consultant (description, no roles)
//   File (an activity on no role, Hindi name, no competencies)
//
// Framework: positions with roles 2/3, roles with activities 1/2, activities with competencies 1/2,
// levels 2/3, importance 2/3, descriptions 4/7, Hindi names 3/7, posts 1/3
//   → (2·2/3 + 2·1/2 + 2·1/2 + 2·2/3 + 2/3 + 4/7 + 3/7 + 1/3) / 12 = 6.667 / 12 = 55.6 → 56.
// Under Secretary: 1/1, 1/1, 1/1, 2/3, 2/3, 3/3, 2/3, 1/1 → 10.667 / 12 → 89.
// Section Officer: 1/1, 1/2, 1/1, 2/3, 2/3, 2/4, 1/4, 0/1 → 7.75 / 12 → 65.
// Consultant: 0/1, nothing to count (0 %) ×4, description 1/1, Hindi 0/1, posts 0/1 → 1 / 12 → 8.
import { describe, expect, it } from "vitest";
import { computeCompleteness, COMPLETENESS_ITEMS, MISSING_EXAMPLES_MAX, scoreOf, type CompletenessScore } from "@schemas/completeness";
import type { FracDocument } from "@schemas/frac-document";
import { defaultScale } from "@schemas/scale";
import { makeActivity, makeCompetency, makeFracDocument, makeLink, makePosition, makeRole } from "./doc-factory";

function smallFramework() {
  const n = {
    us: makePosition({ name: "Under Secretary", sanctionedPosts: 10, description: "Heads the section.", nameHi: "अवर सचिव" }),
    so: makePosition({ name: "Section Officer" }),
    consultant: makePosition({ name: "Consultant", description: "Advises." }),
    budget: makeRole({ name: "Budget", description: "Prepares the budget.", nameHi: "बजट" }),
    records: makeRole({ name: "Records" }),
    consolidate: makeActivity({ name: "Consolidate", description: "Consolidates demands." }),
    file: makeActivity({ name: "File", nameHi: "फ़ाइल" }),
    finance: makeCompetency({ name: "Finance" }),
    drafting: makeCompetency({ name: "Drafting", competencyType: "Domain", scale: defaultScale(3) }),
  };
  const links = [
    makeLink(n.us, n.budget),
    makeLink(n.so, n.budget),
    makeLink(n.so, n.records),
    makeLink(n.budget, n.consolidate),
    makeLink(n.budget, n.finance, { level: 2, importance: "essential" }),
    makeLink(n.consolidate, n.finance, { level: 3, importance: undefined }),
    makeLink(n.consolidate, n.drafting, { level: 4, importance: "important" }),
  ];
  const doc: FracDocument = { ...makeFracDocument(), nodes: Object.values(n), links };
  return { doc, n };
}

const shares = (s: CompletenessScore) => Object.fromEntries(s.items.map((i) => [i.key, `${i.done}/${i.total}`]));

describe("computeCompleteness", () => {
  it("matches the framework's score and items counted by hand", () => {
    const result = computeCompleteness(smallFramework().doc);
    expect(shares(result)).toEqual({
      positionsWithRoles: "2/3",
      rolesWithActivities: "1/2",
      activitiesWithCompetencies: "1/2",
      requirementsWithLevels: "2/3",
      requirementsWithImportance: "2/3",
      nodesWithDescriptions: "4/7",
      nodesWithHindiNames: "3/7",
      positionsWithPosts: "1/3",
    });
    expect(result.score).toBe(56);
    expect(result.items.map((i) => i.weight)).toEqual(Object.values(COMPLETENESS_ITEMS));
  });

  it("names what is missing: nodes by name, requirements as 'from → competency' pointing at the node they start from", () => {
    const { doc, n } = smallFramework();
    const items = new Map(computeCompleteness(doc).items.map((i) => [i.key, i]));
    expect(items.get("positionsWithRoles")!.missing).toEqual([{ id: n.consultant.id, name: "Consultant" }]);
    expect(items.get("requirementsWithLevels")!.missing).toEqual([{ id: n.consolidate.id, name: "Consolidate → Drafting" }]);
    expect(items.get("requirementsWithImportance")!.missing).toEqual([{ id: n.consolidate.id, name: "Consolidate → Finance" }]);
    expect(items.get("nodesWithHindiNames")!.missing.map((m) => m.name)).toEqual(["Section Officer", "Consultant", "Records", "Consolidate"]);
  });

  it("scores each position on what hangs below it, counted by hand", () => {
    const { doc, n } = smallFramework();
    const positions = computeCompleteness(doc).positions;
    expect(positions.map((p) => [p.name, p.score])).toEqual([
      ["Under Secretary", 89],
      ["Section Officer", 65],
      ["Consultant", 8],
    ]);
    expect(positions[0]).toMatchObject({ id: n.us.id, nameHi: "अवर सचिव" });
    expect(shares(positions[1])).toEqual({
      positionsWithRoles: "1/1",
      rolesWithActivities: "1/2",
      activitiesWithCompetencies: "1/1",
      requirementsWithLevels: "2/3",
      requirementsWithImportance: "2/3",
      nodesWithDescriptions: "2/4",
      nodesWithHindiNames: "1/4",
      positionsWithPosts: "0/1",
    });
    expect(shares(positions[2])).toMatchObject({ rolesWithActivities: "0/0", requirementsWithLevels: "0/0", nodesWithDescriptions: "1/1" });
  });

  it("gives 0 to an empty framework and 100 to one with everything filled in", () => {
    expect(computeCompleteness({ ...makeFracDocument(), nodes: [], links: [] })).toMatchObject({ score: 0, positions: [] });
    const p = makePosition({ sanctionedPosts: 3, description: "d", nameHi: "पद" });
    const r = makeRole({ description: "d", nameHi: "भूमिका" });
    const a = makeActivity({ description: "d", nameHi: "गतिविधि" });
    const c = makeCompetency();
    const full = computeCompleteness({ ...makeFracDocument(), nodes: [p, r, a, c], links: [makeLink(p, r), makeLink(r, a), makeLink(a, c)] });
    expect(full.score).toBe(100);
    expect(full.positions[0].score).toBe(100);
    expect(full.items.every((i) => i.missing.length === 0)).toBe(true);
  });

  it("counts a role linked twice to one position once, ignores links to missing nodes and caps the examples", () => {
    const p = makePosition();
    const r = makeRole();
    const activities = Array.from({ length: 8 }, (_, i) => makeActivity({ name: `Activity ${i + 1}` }));
    const doc: FracDocument = {
      ...makeFracDocument(),
      nodes: [p, r, ...activities],
      links: [makeLink(p, r), makeLink(p, r), ...activities.map((a) => makeLink(r, a)), { ...makeLink(r, makeCompetency()), kind: "role_competency" }],
    };
    const result = computeCompleteness(doc);
    const acts = result.positions[0].items.find((i) => i.key === "activitiesWithCompetencies")!;
    expect(acts).toMatchObject({ done: 0, total: 8 });
    expect(acts.missing).toHaveLength(MISSING_EXAMPLES_MAX);
    expect(result.items.find((i) => i.key === "requirementsWithLevels")).toMatchObject({ done: 0, total: 0 });
    expect(result.positions[0].items.find((i) => i.key === "nodesWithDescriptions")).toMatchObject({ total: 10 });
  });
});

describe("scoreOf", () => {
  it("is the weighted mean of the shares, an item with nothing to count adding its weight at 0 %", () => {
    expect(scoreOf([{ weight: 2, done: 1, total: 2 }, { weight: 1, done: 0, total: 0 }])).toBe(33);
    expect(scoreOf([{ weight: 1, done: 2, total: 3 }])).toBe(67);
    expect(scoreOf([])).toBe(0);
  });
});
