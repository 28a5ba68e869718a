// Completeness on the seeded database, counted by hand on MOHFW's small demo draft (3 positions,
// 4 roles, 6 activities, 13 requirements with levels and importance, every node described,
// Hindi names on the 3 positions and 1 role, sanctioned posts on all 3 positions):
//   framework: 2 + 2 + 2 + 2 (levels 13/13) + 1 (importance 13/13) + 1 (descriptions 13/13)
//              + 4/13 (Hindi) + 1 (posts 3/3) = 11.308 / 12 → 94
//   Joint Secretary (roles Programme leadership, State plan appraisal; 3 activities; 8 requirements;
//     Hindi 2/6): 11.333 / 12 → 94.  Section Officer (2 roles, 4 activities, 7 requirements; Hindi 1/7): 11.143 / 12 → 93.
// Then the same numbers through `frac completeness` and `frac list --json`, and the refusals.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { computeCompleteness } from "@schemas/completeness";
import { getMdoByCode } from "~/models/access/mdos.server";
import { completenessOf, completenessScore } from "~/models/insight/completeness.server";
import { applyEditOps } from "~/models/draft-save/save.server";
import { getVersion } from "~/models/publication/versions.server";
import { userId } from "@db/ids";
import { ministry, updateNode } from "../factories/edit-ops";
import { frac } from "../support/cli";

const mohfw = () => getMdoByCode({ code: "MOHFW" })!;
const cbic = () => getMdoByCode({ code: "CBIC" })!;
const shares = (items: { key: string; done: number; total: number }[]) => Object.fromEntries(items.map((i) => [i.key, `${i.done}/${i.total}`]));

describe("completenessOf", () => {
  it("matches MOHFW's draft counted by hand, for the framework and each position", () => {
    const result = completenessOf({ mdoId: mohfw().id, version: "draft" })!;
    expect(shares(result.items)).toEqual({
      positionsWithRoles: "3/3",
      rolesWithActivities: "4/4",
      activitiesWithCompetencies: "6/6",
      requirementsWithLevels: "13/13",
      requirementsWithImportance: "13/13",
      nodesWithDescriptions: "13/13",
      nodesWithHindiNames: "4/13",
      positionsWithPosts: "3/3",
    });
    expect(result.score).toBe(94);
    expect(result.positions.map((p) => [p.name, p.score])).toEqual([
      ["Joint Secretary", 94],
      ["Public Health Specialist", expect.any(Number)],
      ["Section Officer", 93],
    ]);
    expect(shares(result.positions[0].items)).toMatchObject({ requirementsWithLevels: "8/8", nodesWithHindiNames: "2/6", positionsWithPosts: "1/1" });
  });

  it("reads the draft as it is now: clearing one position's sanctioned posts lowers its score and the framework's", () => {
    const m = ministry("MOHFW");
    const joint = completenessOf({ mdoId: m.mdoId, version: "draft" })!.positions[0];
    const saved = applyEditOps({ mdoId: m.mdoId, userId: userId("other-author@frac.test"), baseRevision: m.revision, ops: [updateNode(joint.id, { sanctionedPosts: null })] });
    expect(saved).toMatchObject({ ok: true });
    const after = completenessOf({ mdoId: m.mdoId, version: "draft" })!;
    // Framework: posts 2/3 → 10.974 / 12 → 91. Joint Secretary: posts 0/1 → 10.333 / 12 → 86.
    expect(after.score).toBe(91);
    expect(after.positions[0].score).toBe(86);
    expect(completenessScore({ mdoId: m.mdoId, version: "draft" })).toBe(91);
  });

  it("reads a published version as published, and answers null where there is no such version or framework", () => {
    const v1 = getVersion({ mdoId: cbic().id, number: 1 })!.document;
    expect(completenessOf({ mdoId: cbic().id, version: 1 })).toEqual(computeCompleteness(v1));
    expect(completenessOf({ mdoId: cbic().id, version: 9 })).toBeNull();
    expect(completenessOf({ mdoId: mohfw().id, version: 1 })).toBeNull();
    expect(completenessScore({ mdoId: crypto.randomUUID(), version: "draft" })).toBeNull();
    // MOF's framework exists but is empty: nothing is filled in.
    expect(completenessOf({ mdoId: getMdoByCode({ code: "MOF" })!.id, version: "draft" })).toMatchObject({ score: 0, positions: [] });
  });
});

describe("frac completeness and frac list --json", () => {
  it("prints the draft's items and positions, as text and as JSON", () => {
    const json = frac(["completeness", "--mdo", "CBIC", "--json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(completenessOf({ mdoId: cbic().id, version: "draft" }))));
    const v1 = frac(["completeness", "--mdo", "CBIC", "--version", "1", "--json"]);
    expect(JSON.parse(v1.stdout).score).toBe(completenessScore({ mdoId: cbic().id, version: 1 }));
    const text = frac(["completeness", "--mdo", "MOHFW"]);
    expect(text.stdout).toMatch(/^Completeness of MOHFW draft: \d+ \/ 100\n {2}positions with roles: 3 of 3 \(weight 2\)\n/u);
    expect(text.stdout).toContain("  requirements with importance rated: 13 of 13 (weight 1)\n");
    expect(text.stdout).toContain("  positions, roles and activities with a Hindi name: 4 of 13 (weight 1); e.g. State plan appraisal; ");
    expect(text.stdout).toMatch(/Positions:\n +\d+ {2}Joint Secretary\n/u);
  });

  it("refuses wrong calls with exit 2 and a message", () => {
    expect(frac(["completeness"])).toMatchObject({ code: 2, stderr: expect.stringContaining("give --mdo CODE") });
    expect(frac(["completeness", "--mdo", "NOPE"])).toMatchObject({ code: 2, stderr: expect.stringContaining('no active MDO with code "NOPE"') });
    expect(frac(["completeness", "--mdo", "CBIC", "--version", "0"])).toMatchObject({ code: 2, stderr: expect.stringContaining('not "0"') });
    expect(frac(["completeness", "--mdo", "CBIC", "--version", "7"])).toMatchObject({ code: 2, stderr: expect.stringContaining("there is no version 7 of CBIC") });
    expect(frac(["completeness", "--mdo", "MOF"])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Completeness of MOF draft: 0 \/ 100\n[^]*Positions:\n {2}none yet\n$/u) });
    expect(frac(["completeness", "--help"])).toMatchObject({ code: 0, stdout: expect.stringContaining("frac completeness --mdo CODE") });
  });

  it("adds framework.completeness (0–100, the draft's score) to frac list --json and keeps every other key", () => {
    const rows = JSON.parse(frac(["list", "--json"]).stdout) as { code: string; framework: Record<string, unknown> | null }[];
    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect(Object.keys(byCode.get("CBIC")!)).toEqual(["code", "name", "parent", "framework"]);
    expect(Object.keys(byCode.get("CBIC")!.framework!)).toEqual(["status", "nodes", "links", "publishedVersion", "completeness"]);
    expect(byCode.get("CBIC")!.framework!.completeness).toBe(completenessScore({ mdoId: cbic().id, version: "draft" }));
    expect(byCode.get("MOHFW")!.framework!.completeness).toBe(completenessScore({ mdoId: mohfw().id, version: "draft" }));
    expect(byCode.get("MOF")!.framework).toMatchObject({ nodes: 0, completeness: 0 });
    for (const r of rows) if (r.framework) expect(r.framework.completeness).toSatisfy((n: unknown) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 100);
    // The table is unchanged: no completeness column.
    expect(frac(["list"]).stdout.split("\n")[0]).toMatch(/^CODE +STATUS +NODES +LINKS +NAME$/u);
  });
});
