// The fast paths of demand and completeness (decision 030) give what the rules give on the whole
// document, and nothing kept goes stale: a save, a dictionary rename and a publication each change
// what the next read shows. On the seeded database (CBIC: version 1 and a draft).
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getClient } from "@db/client";
import { userId } from "@db/ids";
import { frameworks, nodes, versionInsight as versionInsightTable } from "@db/schema";
import { computeCompleteness } from "@schemas/completeness";
import { computeDemand } from "@schemas/demand";
import { getMdoByCode } from "~/models/access/mdos.server";
import { editEntry } from "~/models/dictionary/entry-writes.server";
import { loadDraftDocument } from "~/models/draft/document.server";
import { applyEditOps } from "~/models/draft-save/save.server";
import { completenessOf } from "~/models/insight/completeness.server";
import { dictionaryRevision } from "~/models/insight/draft-insight.server";
import { demandOf, demandOfAll } from "~/models/insight/demand.server";
import { INSIGHT_RULES, versionInsight } from "~/models/insight/version-insight.server";
import { approveFramework, submitFramework, verifyFramework } from "~/models/review/steps.server";
import { getVersion } from "~/models/publication/versions.server";
import { newLink, newNode, updateNode } from "../factories/edit-ops";
import { frac } from "../support/cli";

const AUTHOR = userId("author@frac.test");
const cbic = () => getMdoByCode({ code: "CBIC" })!;
const revision = () => getClient().db.select({ r: frameworks.revision }).from(frameworks).where(eq(frameworks.mdoId, cbic().id)).get()!.r;
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function save(ops: Parameters<typeof applyEditOps>[0]["ops"]) {
  const result = applyEditOps({ mdoId: cbic().id, userId: AUTHOR, baseRevision: revision(), ops });
  if (!result.ok) throw new Error(`save refused: ${JSON.stringify(result)}`);
}

function firstOf(kind: string) {
  const fw = getClient().db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.mdoId, cbic().id)).get()!;
  return getClient().db.select().from(nodes).where(eq(nodes.frameworkId, fw.id)).all().find((n) => n.kind === kind)!;
}

describe("the draft's demand and completeness (kept until the draft or the dictionary changes)", () => {
  it("answers a second read from what it kept, and equals the rules on the whole draft", () => {
    const first = demandOf({ mdoId: cbic().id, version: "draft" })!;
    expect(demandOf({ mdoId: cbic().id, version: "draft" })).toBe(first);
    expect(first).toEqual(computeDemand(loadDraftDocument({ mdoId: cbic().id })!));
    const score = completenessOf({ mdoId: cbic().id, version: "draft" })!;
    expect(completenessOf({ mdoId: cbic().id, version: "draft" })).toBe(score);
    expect(score).toEqual(computeCompleteness(loadDraftDocument({ mdoId: cbic().id })!));
  });

  it("raises the dictionary's revision on any change to an entry, whoever writes it (a trigger)", () => {
    const before = dictionaryRevision();
    const entry = getClient().sqlite.prepare("select id from competencies limit 1").get() as { id: string };
    getClient().sqlite.prepare("update competencies set description = description || ' ' where id = ?").run(entry.id);
    expect(dictionaryRevision()).toBe(before + 1);
  });

  it("shows a save at once: a new requirement adds to the draft's demand and a description changes its completeness", () => {
    const before = demandOf({ mdoId: cbic().id, version: "draft" })!;
    const beforeScore = completenessOf({ mdoId: cbic().id, version: "draft" })!;
    const role = firstOf("role");
    const competency = loadDraftDocument({ mdoId: cbic().id })!.nodes.filter((n) => n.kind === "competency").at(-1)!;
    save([newLink("role_competency", role.id, competency.id, { level: 5, order: 99 })]);
    const after = demandOf({ mdoId: cbic().id, version: "draft" })!;
    expect(after).not.toEqual(before);
    expect(after.some((r) => r.competency.id === competency.id && r.level === 5)).toBe(true);

    const blank = loadDraftDocument({ mdoId: cbic().id })!.nodes.find((n) => (n.kind === "role" || n.kind === "activity") && !n.description?.trim());
    const target = blank ?? firstOf("activity");
    save([updateNode(target.id, { description: blank ? "Now described." : "" })]);
    expect(completenessOf({ mdoId: cbic().id, version: "draft" })!.items).not.toEqual(beforeScore.items);
  });

  it("shows a change made outside the app's models to an entry (a Hindi name) at once in the draft's completeness", () => {
    const before = completenessOf({ mdoId: cbic().id, version: "draft" })!;
    const linked = loadDraftDocument({ mdoId: cbic().id })!.nodes.filter((n) => n.kind === "competency");
    getClient().sqlite.prepare(`update competencies set name_hi = null where id in (${linked.map(() => "?").join(",")})`).run(...linked.map((n) => n.id));
    const after = completenessOf({ mdoId: cbic().id, version: "draft" })!;
    expect(after).not.toBe(before);
  });

  it("shows a dictionary rename at once in the draft's demand", () => {
    const row = demandOf({ mdoId: cbic().id, version: "draft" })!.find((r) => r.competency.code !== null && r.competency.type !== "Domain")!;
    const renamed = `${row.competency.name} (renamed for the cache test)`;
    const result = editEntry({ competencyId: row.competency.id, name: renamed, description: "Renamed by the insight cache test.", actorId: userId("curator@frac.test") });
    expect(result.ok).toBe(true);
    const after = demandOf({ mdoId: cbic().id, version: "draft" })!;
    expect(after.filter((r) => r.competency.id === row.competency.id).map((r) => r.competency.name)).toContain(renamed);
    // A published version keeps the name it was approved with.
    expect(demandOf({ mdoId: cbic().id, version: 1 })!.some((r) => r.competency.name === renamed)).toBe(false);
  });
});

describe("a published version's demand and completeness, kept by sha256", () => {
  it("equal the rules on the stored snapshot, are stored once, and are not taken from rows of other rules", () => {
    const v1 = getVersion({ mdoId: cbic().id, number: 1 })!;
    expect(demandOf({ mdoId: cbic().id, version: 1 })).toEqual(plain(computeDemand(v1.document)));
    expect(completenessOf({ mdoId: cbic().id, version: 1 })).toEqual(plain(computeCompleteness(v1.document)));
    const stored = getClient().db.select().from(versionInsightTable).where(eq(versionInsightTable.sha256, v1.sha256)).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.rules).toBe(INSIGHT_RULES);
    expect(JSON.parse(stored[0]!.demand)).toEqual(plain(computeDemand(v1.document)));
    expect(versionInsight({ mdoId: cbic().id, number: 2 })).toBeNull();
    expect(versionInsight({ mdoId: cbic().id, number: 0 })).toBeNull();
  });

  it("computes again a stored row of older rules (read through a fresh process's empty memory)", () => {
    const v1 = getVersion({ mdoId: cbic().id, number: 1 })!;
    const { sqlite } = getClient();
    sqlite.prepare("update version_insight set rules = ?, demand = '[]' where sha256 = ?").run(INSIGHT_RULES - 1, v1.sha256);
    // why the CLI: this process keeps the right answer in memory; a new process starts with none and reads the table.
    const out = frac(["demand", "--mdo", "CBIC", "--version", "1", "--json"]);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual(plain(computeDemand(v1.document)));
    const row = sqlite.prepare("select rules, demand from version_insight where sha256 = ?").get(v1.sha256) as { rules: number; demand: string };
    expect(row.rules).toBe(INSIGHT_RULES);
    expect(JSON.parse(row.demand)).toEqual(plain(computeDemand(v1.document)));
  });

  it("stores a new version's at publication, and the sum over ministries follows the latest version", () => {
    const before = demandOfAll();
    const position = firstOf("position");
    const activity = newNode("activity", "Publication test activity");
    const competency = loadDraftDocument({ mdoId: cbic().id })!.nodes.find((n) => n.kind === "competency")!;
    const role = firstOf("role");
    save([updateNode(position.id, { sanctionedPosts: 4321 }), activity, newLink("role_activity", role.id, activity.id), newLink("activity_competency", activity.id, competency.id, { level: 1 })]);
    expect(submitFramework({ mdoId: cbic().id, userId: AUTHOR })).toMatchObject({ ok: true });
    expect(verifyFramework({ mdoId: cbic().id, userId: userId("reviewer@frac.test") }).ok).toBe(true);
    expect(approveFramework({ mdoId: cbic().id, userId: userId("board@frac.test") }).ok).toBe(true);
    const v2 = getVersion({ mdoId: cbic().id, number: 2 })!;
    const row = getClient().db.select().from(versionInsightTable).where(eq(versionInsightTable.sha256, v2.sha256)).get();
    expect(row && JSON.parse(row.completeness)).toEqual(plain(computeCompleteness(v2.document)));
    const after = demandOfAll();
    expect(after).not.toEqual(before);
    expect(after).toEqual(plain(computeDemand(v2.document)));
  });
});
