import { describe, expect, it } from "vitest";
import { validateFracDocument } from "@schemas/validator";
import { nameSimilarity } from "@schemas/rules-duplicates";
import { makeActivity, makeFracDocument, makeLink, makeRole, withExtra } from "./doc-factory";

const likely = (doc: ReturnType<typeof makeFracDocument>) => validateFracDocument(doc).filter((f) => f.code === "likely_duplicate_role");

/** Two roles with these names, each performing activities with these names (copies, not shared nodes). */
function twoRoles(first: string, second: string, firstActivities: string[], secondActivities: string[]) {
  const doc = makeFracDocument();
  const a = makeRole({ name: first });
  const b = makeRole({ name: second });
  const acts = [...firstActivities.map((name) => [a, makeActivity({ name })] as const), ...secondActivities.map((name) => [b, makeActivity({ name })] as const)];
  return { doc: withExtra(doc, [a, b, ...acts.map(([, x]) => x)], acts.map(([r, x]) => makeLink(r, x))), a, b };
}

describe("likely_duplicate_role", () => {
  it("warns on the later of two roles with nearly the same name and the same activities, with params for translation", () => {
    const { doc, a, b } = twoRoles("Budget preparation", "Budget  Preparations", ["Consolidate demands", "Draft the note"], ["draft the note", "Consolidate demands"]);
    expect(likely(doc)).toEqual([
      {
        severity: "warning",
        code: "likely_duplicate_role",
        nodeId: b.id,
        message: `Role "Budget  Preparations" looks like a duplicate of Role "Budget preparation" (id ${a.id}): nearly the same name and the same 2 activities. Keep one and link it to both positions, or tell them apart.`,
        params: { kind: "role", name: "Budget  Preparations", otherKind: "role", otherName: "Budget preparation", otherId: a.id, count: 2 },
      },
    ]);
  });

  it("reads words in any order as nearly the same name", () => {
    expect(nameSimilarity("preparation of budget", "budget preparation of")).toBe(1);
    const { doc } = twoRoles("Budget preparation", "Preparation budget", ["Consolidate demands"], ["Consolidate demands"]);
    expect(likely(doc)).toHaveLength(1);
  });

  it("says nothing when the activities differ, the names differ, the names are identical (duplicate_name's) or there are no activities", () => {
    expect(likely(twoRoles("Budget preparation", "Budget preparations", ["Consolidate demands"], ["Consolidate demands", "Brief the secretary"]).doc)).toEqual([]);
    expect(likely(twoRoles("Budget preparation", "Vigilance inquiries", ["Consolidate demands"], ["Consolidate demands"]).doc)).toEqual([]);
    const same = twoRoles("Budget preparation", "budget preparation", ["Consolidate demands"], ["Consolidate demands"]);
    expect(likely(same.doc)).toEqual([]);
    expect(validateFracDocument(same.doc).filter((f) => f.code === "duplicate_name" && f.nodeId === same.b.id)).toHaveLength(1);
    expect(likely(twoRoles("Budget preparation", "Budget preparations", [], []).doc)).toEqual([]);
  });
});
