import { describe, expect, it } from "vitest";
import { describeCounts } from "@import/plan";
import type { ImportPlan } from "@import/plan-types";
import { NameSuggester, similarity } from "@import/similarity";

describe("similarity and NameSuggester", () => {
  const names = [
    "Sound Judgement",
    "Logical Reasoning",
    "Strategic Leadership",
    "Team Leadership",
    "Data led Decision making",
  ];

  it("scores the same normalised name 1 and unrelated names too low to suggest", () => {
    expect(similarity("Sound  JUDGEMENT", "sound judgement")).toBe(1);
    // Below 0.3, the least a suggestion needs.
    expect(similarity("Sound Judgement", "Procurement Mgmt. through GeM")).toBeLessThan(0.3);
  });

  it("forgives typos, missing words and word order, best first, at most three", () => {
    const suggester = new NameSuggester(names);
    expect(suggester.closest("Strategic Leadershp")[0]).toBe("Strategic Leadership");
    expect(suggester.closest("judgement, sound")[0]).toBe("Sound Judgement");
    expect(suggester.closest("Leadership").length).toBeLessThanOrEqual(3);
    expect(suggester.closest("Customs valuation")).toEqual([]);
  });
});

describe("describeCounts", () => {
  it("says per kind what the plan does, with removals only in replace mode", () => {
    const zero = { position: 0, role: 0, activity: 0, competency: 0, link: 0 };
    const plan = {
      mode: "replace",
      created: { ...zero, position: 2 },
      updated: zero,
      unchanged: { ...zero, link: 5 },
      removed: { ...zero, role: 1 },
    } as unknown as ImportPlan;
    expect(describeCounts(plan)).toEqual([
      "Positions: 2 created, 0 updated, 0 unchanged, 0 removed",
      "Roles: 0 created, 0 updated, 0 unchanged, 1 removed",
      "Activities: 0 created, 0 updated, 0 unchanged, 0 removed",
      "Competencies: 0 created, 0 updated, 0 unchanged, 0 removed",
      "Links: 0 created, 0 updated, 5 unchanged, 0 removed",
    ]);
  });
});
