// Competency demand checked by hand on a small framework built in the real database, saved through
// the editor's save, published through the real review steps, then read at every door (the read
// API's JSON and CSV, `frac demand`, `frac demand --all`). The Department of Revenue (DOR, a demo
// ministry with an empty framework) gets it. Levels in brackets, posts in parentheses:
//
//   Under Secretary (12) ── Budget ──┬── Consolidate ── Revenue forecasting [3], Noting and drafting [2]
//                                    └── Revenue forecasting [2] (the role's own requirement)
//   Section Officer (40) ─┬─ Budget (shared, as above)
//                         └─ Records ── File ── Noting and drafting [4], Self-Analysis (KCM BEH-001) [1]
//   Consultant (no posts) ── Records (as above)
//
// By hand, the highest level of a position's paths counting once per competency:
//   Self-Analysis: Section Officer 1, Consultant 1      → level 1: 2 positions, 40 posts
//   Noting and drafting: Under Secretary 2 (one path); Section Officer 4 (2 via Budget, 4 via
//     Records: the higher counts, once); Consultant 4   → level 2: 1 position, 12 posts;
//                                                        level 4: 2 positions, 40 posts
//   Revenue forecasting: Under Secretary 3 (3 via Consolidate beats 2 on Budget), Section Officer 3
//                                                      → level 3: 2 positions, 52 posts (12 + 40)
// (The validator refuses to submit a position that needs nothing, so that case is left to the unit test.)
import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { stableId, userId } from "@db/ids";
import { competencies, frameworks, memberships } from "@db/schema";
import { computeDemand, type DemandRow } from "@schemas/demand";
import type { EditOp } from "@schemas/edit-ops";
import { getMdoByCode } from "~/models/access/mdos.server";
import { createToken } from "~/models/access/tokens.server";
import { applyEditOps } from "~/models/draft-save/save.server";
import { loadDraftDocument } from "~/models/draft/document.server";
import { getVersion } from "~/models/publication/versions.server";
import { approveFramework, submitFramework, verifyFramework } from "~/models/review/steps.server";
import { loader } from "~/routes/api.v1.frameworks.$mdo.versions.$number.$file";
import { newCompetency, newLink, newNode } from "../factories/edit-ops";
import { frac } from "../support/cli";

const AUTHOR = userId("other-author@frac.test");
const dor = () => getMdoByCode({ code: "DOR" })!;

const n = {
  us: newNode("position", "Under Secretary", { fields: { name: "Under Secretary", sanctionedPosts: 12 } }),
  so: newNode("position", "Section Officer", { fields: { name: "Section Officer", sanctionedPosts: 40 } }),
  consultant: newNode("position", "Consultant"),
  budget: newNode("role", "Budget"),
  records: newNode("role", "Records"),
  consolidate: newNode("activity", "Consolidate"),
  file: newNode("activity", "File"),
};
const forecasting = newCompetency("Revenue forecasting");
const drafting = newCompetency("Noting and drafting");
let selfAnalysis: { id: string; code: string | null; name: string };

/** Builds the framework above in DOR's draft and publishes it as version 1. */
function buildAndPublish(): void {
  const mdoId = dor().id;
  // why a membership row: the demo has no author in DOR; the author of MOHFW is made one here.
  getDb().insert(memberships).values({ id: crypto.randomUUID(), userId: AUTHOR, role: "author", mdoId }).run();
  selfAnalysis = getDb()
    .select({ id: competencies.id, code: competencies.code, name: competencies.name })
    .from(competencies)
    .where(and(eq(competencies.type, "Behavioural"), eq(competencies.code, "BEH-001")))
    .get()!;
  const id = (x: { id: string }) => x.id;
  const ops: EditOp[] = [
    forecasting,
    drafting,
    ...Object.values(n),
    newLink("position_role", id(n.us), id(n.budget)),
    newLink("position_role", id(n.so), id(n.budget)),
    newLink("position_role", id(n.so), id(n.records)),
    newLink("position_role", id(n.consultant), id(n.records)),
    newLink("role_activity", id(n.budget), id(n.consolidate)),
    newLink("role_activity", id(n.records), id(n.file)),
    newLink("role_competency", id(n.budget), forecasting.id, { level: 2, importance: "important" }),
    newLink("activity_competency", id(n.consolidate), forecasting.id, { level: 3, importance: "essential" }),
    newLink("activity_competency", id(n.consolidate), drafting.id, { level: 2, importance: "important" }),
    newLink("activity_competency", id(n.file), drafting.id, { level: 4, importance: "essential" }),
    newLink("activity_competency", id(n.file), selfAnalysis.id, { level: 1, importance: "desirable" }),
  ];
  const fw = getDb().select().from(frameworks).where(eq(frameworks.id, stableId("framework:DOR"))).get()!;
  const saved = applyEditOps({ mdoId, userId: AUTHOR, baseRevision: fw.revision, ops });
  if (!saved.ok) throw new Error(`test data: the save was refused: ${saved.message}`);
  for (const [step, who] of [
    [submitFramework, "other-author@frac.test"],
    [verifyFramework, "reviewer@frac.test"],
    [approveFramework, "board@frac.test"],
  ] as const) {
    const result = step({ mdoId, userId: userId(who) });
    if (!result.ok) throw new Error(`test data: a review step was refused: ${result.message}`);
  }
}

beforeAll(buildAndPublish);

/** The demand written out by hand (see the top of this file). */
const expected = () => [
  { competency: { id: selfAnalysis.id, code: selfAnalysis.code, name: selfAnalysis.name, type: "Behavioural" }, level: 1, positions: 2, posts: 40 },
  { competency: { id: drafting.id, code: null, name: "Noting and drafting", type: "Domain" }, level: 2, positions: 1, posts: 12 },
  { competency: { id: drafting.id, code: null, name: "Noting and drafting", type: "Domain" }, level: 4, positions: 2, posts: 40 },
  { competency: { id: forecasting.id, code: null, name: "Revenue forecasting", type: "Domain" }, level: 3, positions: 2, posts: 52 },
];
/** Rows as the JSON doors give them (a missing KCM code is left out or null, depending on the door). */
const plain = (rows: unknown) =>
  (JSON.parse(JSON.stringify(rows)) as DemandRow[]).map((r) => ({ ...r, competency: { ...r.competency, code: r.competency.code ?? null } }));

async function api(file: string): Promise<Response> {
  const made = createToken({ name: `demand-by-hand ${file}`, createdBy: null, mdoId: null });
  if (!made.ok) throw new Error(made.message);
  const request = new Request(`http://localhost/api/v1/frameworks/DOR/versions/1/${file}`, { headers: { Authorization: `Bearer ${made.token}` } });
  return loader({ request, params: { mdo: "DOR", number: "1", file }, context: {} });
}

describe("demand of a small framework, counted by hand", () => {
  it("is the hand count for the published version and for the draft it was published from", () => {
    const v1 = getVersion({ mdoId: dor().id, number: 1 })!.document;
    expect(plain(computeDemand(v1))).toEqual(expected());
    expect(plain(computeDemand(loadDraftDocument({ mdoId: dor().id })!))).toEqual(expected());
  });

  it("is the hand count through the read API, as JSON and as CSV", async () => {
    expect(plain(await (await api("demand.json")).json())).toEqual(expected());
    const text = Buffer.from(await (await api("demand.csv")).arrayBuffer()).toString("utf8");
    expect(text.trimEnd().split("\r\n")).toEqual([
      "\uFEFFCompetency id,KCM code,Competency,Type,Level,Positions,Sanctioned posts",
      `${selfAnalysis.id},${selfAnalysis.code},${selfAnalysis.name},Behavioural,1,2,40`,
      `${drafting.id},,Noting and drafting,Domain,2,1,12`,
      `${drafting.id},,Noting and drafting,Domain,4,2,40`,
      `${forecasting.id},,Revenue forecasting,Domain,3,2,52`,
    ]);
  });

  it("is the hand count through `frac demand`, and `--all` adds it to CBIC's published demand row by row", () => {
    const out = frac(["demand", "--mdo", "DOR", "--json"]);
    expect(out.code).toBe(0);
    expect(plain(JSON.parse(out.stdout))).toEqual(expected());

    const cbic = computeDemand(getVersion({ mdoId: getMdoByCode({ code: "CBIC" })!.id, number: 1 })!.document);
    const all = plain(JSON.parse(frac(["demand", "--all", "--json"]).stdout));
    const key = (r: { competency: { id: string }; level: number }) => `${r.competency.id}@${r.level}`;
    const sum = new Map<string, { positions: number; posts: number }>();
    for (const r of [...cbic, ...expected()]) {
      const s = sum.get(key(r)) ?? { positions: 0, posts: 0 };
      sum.set(key(r), { positions: s.positions + r.positions, posts: s.posts + r.posts });
    }
    expect(new Map(all.map((r) => [key(r), { positions: r.positions, posts: r.posts }]))).toEqual(sum);
    // DOR's Domain competencies are its own, so their rows are exactly the hand count.
    expect(all.filter((r) => [drafting.id, forecasting.id].includes(r.competency.id))).toEqual(expected().slice(1));
  });
});
