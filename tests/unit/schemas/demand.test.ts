// Demand checked by hand on a small framework. The framework (levels in brackets):
//
//   Under Secretary (10 posts) ── Budget ──┬── Consolidate ── Finance [3], Drafting [2]
//                                          └── Finance [2] (role's own requirement)
//   Section Officer (25 posts) ─┬─ Budget (shared, as above)
//                               └─ Records ── File ── Drafting [4], Integrity [1]
//   Consultant (no posts)      ── Records (as above)
//   Assistant (4 posts)        ── Liaison (a role with no requirements)
//
// By hand: Finance: US at 3 (max of 3 via Consolidate and 2 on Budget), SO at 3 → level 3: 2 positions, 35 posts.
// Drafting: US at 2; SO at 4 (2 via Budget, 4 via Records: the higher counts); Consultant at 4
//   → level 2: 1 position, 10 posts; level 4: 2 positions, 25 posts.
// Integrity: SO and Consultant at 1 → level 1: 2 positions, 25 posts. The Assistant needs nothing.
import { describe, expect, it } from "vitest";
import { computeDemand, demandCells, positionNeeds, sumDemand } from "@schemas/demand";
import type { FracDocument } from "@schemas/frac-document";
import { makeActivity, makeCompetency, makeFracDocument, makeLink, makePosition, makeRole } from "./doc-factory";

function smallFramework() {
  const n = {
    us: makePosition({ name: "Under Secretary", sanctionedPosts: 10 }),
    so: makePosition({ name: "Section Officer", sanctionedPosts: 25 }),
    consultant: makePosition({ name: "Consultant" }),
    assistant: makePosition({ name: "Assistant", sanctionedPosts: 4 }),
    budget: makeRole({ name: "Budget" }),
    records: makeRole({ name: "Records" }),
    liaison: makeRole({ name: "Liaison" }),
    consolidate: makeActivity({ name: "Consolidate" }),
    file: makeActivity({ name: "File" }),
    finance: makeCompetency({ name: "Finance", code: "FUN-060", competencyType: "Functional" }),
    drafting: makeCompetency({ name: "Drafting", competencyType: "Domain" }),
    integrity: makeCompetency({ name: "Integrity", code: "BEH-010", competencyType: "Behavioural" }),
  };
  const links = [
    makeLink(n.us, n.budget),
    makeLink(n.so, n.budget),
    makeLink(n.so, n.records),
    makeLink(n.consultant, n.records),
    makeLink(n.assistant, n.liaison),
    makeLink(n.budget, n.consolidate),
    makeLink(n.budget, n.finance, { level: 2 }),
    makeLink(n.consolidate, n.finance, { level: 3 }),
    makeLink(n.consolidate, n.drafting, { level: 2 }),
    makeLink(n.records, n.file),
    makeLink(n.file, n.drafting, { level: 4 }),
    makeLink(n.file, n.integrity, { level: 1 }),
  ];
  const doc: FracDocument = { ...makeFracDocument(), nodes: Object.values(n), links };
  return { doc, n };
}

const brief = (doc: FracDocument) => computeDemand(doc).map((r) => [r.competency.name, r.level, r.positions, r.posts]);

describe("computeDemand", () => {
  it("matches the demand counted by hand, ordered Behavioural, Functional, Domain, then name and level", () => {
    expect(brief(smallFramework().doc)).toEqual([
      ["Integrity", 1, 2, 25],
      ["Finance", 3, 2, 35],
      ["Drafting", 2, 1, 10],
      ["Drafting", 4, 2, 25],
    ]);
  });

  it("gives each row the exact public shape", () => {
    const { doc, n } = smallFramework();
    expect(computeDemand(doc)[0]).toEqual({
      competency: { id: n.integrity.id, code: "BEH-010", name: "Integrity", type: "Behavioural" },
      level: 1,
      positions: 2,
      posts: 25,
    });
    expect(demandCells(computeDemand(doc)[0])).toEqual([n.integrity.id, "BEH-010", "Integrity", "Behavioural", "1", "2", "25"]);
  });

  it("counts a position once per competency, at the highest level of its paths", () => {
    const { doc, n } = smallFramework();
    const needs = positionNeeds(doc);
    expect(Object.fromEntries(needs.get(n.so.id)!)).toEqual({ [n.finance.id]: 3, [n.drafting.id]: 4, [n.integrity.id]: 1 });
    expect(needs.get(n.assistant.id)!.size).toBe(0);
  });

  it("ignores dangling links and links of the wrong kind rather than counting them", () => {
    const { doc, n } = smallFramework();
    const broken = { ...doc, links: [...doc.links, makeLink(n.us, n.records, { to: crypto.randomUUID() }), { ...makeLink(n.liaison, n.integrity, { level: 5 }), kind: "activity_competency" as const }] };
    // The Liaison → Integrity link is still a requirement of a role (ends decide), so only its level counts for the Assistant.
    expect(brief(broken)).toEqual([
      ["Integrity", 1, 2, 25],
      ["Integrity", 5, 1, 4],
      ["Finance", 3, 2, 35],
      ["Drafting", 2, 1, 10],
      ["Drafting", 4, 2, 25],
    ]);
  });

  it("sums frameworks per competency and level", () => {
    const { doc } = smallFramework();
    const twice = sumDemand([computeDemand(doc), computeDemand(doc)]);
    expect(twice.map((r) => [r.competency.name, r.level, r.positions, r.posts])).toEqual([
      ["Integrity", 1, 4, 50],
      ["Finance", 3, 4, 70],
      ["Drafting", 2, 2, 20],
      ["Drafting", 4, 4, 50],
    ]);
  });
});
