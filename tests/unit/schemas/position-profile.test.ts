// A position's profile from a small document: levels are the highest over paths (as demand counts
// them), importance the highest given, written indicators replace the scale's descriptor, and
// essential competencies come first.
import { describe, expect, it } from "vitest";
import type { FracDocument } from "@schemas/frac-document";
import { buildPositionProfile } from "@schemas/position-profile";
import { makeActivity, makeCompetency, makeFracDocument, makeLink, makePosition, makeResource, makeRole } from "./doc-factory";

function doc() {
  const n = {
    us: makePosition({ name: "Under Secretary", sanctionedPosts: 10 }),
    budget: makeRole({ name: "Budget" }),
    consolidate: makeActivity({ name: "Consolidate" }),
    finance: makeCompetency({ name: "Finance" }),
    drafting: makeCompetency({ name: "Drafting", competencyType: "Domain" }),
    gfr: makeResource({ name: "GFR" }),
    manual: makeResource({ name: "Manual", url: undefined }),
  };
  const links = [
    makeLink(n.us, n.budget),
    makeLink(n.us, n.gfr),
    makeLink(n.budget, n.consolidate),
    makeLink(n.budget, n.finance, { level: 2, importance: "desirable" }),
    makeLink(n.consolidate, n.finance, { level: 3, importance: "important" }),
    makeLink(n.consolidate, n.drafting, { level: 1, importance: "essential" }),
    makeLink(n.consolidate, n.manual),
    makeLink(n.consolidate, n.gfr),
  ];
  return { n, doc: { ...makeFracDocument(), nodes: Object.values(n), links } as FracDocument };
}

describe("buildPositionProfile", () => {
  it("gives each competency its highest level and importance, written indicators or the descriptor, essential first", () => {
    const { n, doc: d } = doc();
    const profile = buildPositionProfile(d, n.us.id, (id): Record<string, string[]> => (id === n.finance.id ? { "3": ["Reads a budget", "Explains variances"] } : {}))!;
    expect(profile.position).toMatchObject({ name: "Under Secretary", sanctionedPosts: 10 });
    expect(profile.competencies.map((c) => [c.name, c.level, c.importance, c.indicatorsAreDefault])).toEqual([
      ["Drafting", 1, "essential", true],
      ["Finance", 3, "important", false],
    ]);
    expect(profile.competencies[1]).toMatchObject({ levelName: "Advanced", indicators: ["Reads a budget", "Explains variances"], neededBy: ["Budget", "Consolidate"] });
    expect(profile.competencies[0].indicators).toEqual([n.drafting.scale.levels[0].descriptor]);
    expect(profile.roles[0]).toMatchObject({ name: "Budget", competencyIds: [n.finance.id] });
    expect(profile.roles[0].activities[0].competencyIds).toEqual([n.finance.id, n.drafting.id]);
    // The position's own resource, then its activities' (each once).
    expect(profile.resources.map((r) => r.name)).toEqual(["GFR", "Manual"]);
  });

  it("is null for an id that is not a position of the document", () => {
    const { n, doc: d } = doc();
    expect(buildPositionProfile(d, n.budget.id, () => ({}))).toBeNull();
    expect(buildPositionProfile(d, crypto.randomUUID(), () => ({}))).toBeNull();
  });
});
