// Curation: level indicators and merging a duplicate (links move, the old id resolves, audited).
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { userId } from "@db/ids";
import { competencies, links } from "@db/schema";
import { mergeEntries, setIndicators } from "~/models/dictionary/curation.server";
import { getDictionaryEntry } from "~/models/dictionary/dictionary.server";
import { searchEntries } from "~/models/search/search.server";
import { auditOf, ministry } from "../factories/edit-ops";

const curator = userId("curator@frac.test");
const entry = (name: string) => getDb().select().from(competencies).where(eq(competencies.name, name)).get()!;

describe("curation", () => {
  it("writes level indicators, audited with before and after", () => {
    const e = entry("Decision Making");
    expect(setIndicators({ competencyId: e.id, indicators: { "2": ["Weighs two options with a senior's help."] }, actorId: curator })).toEqual({ ok: true });
    const read = getDictionaryEntry({ id: e.id, mdoIds: [], allMdos: true })!;
    expect(read.indicators).toEqual({ "2": ["Weighs two options with a senior's help."] });
    expect(auditOf(e.id).at(-1)).toMatchObject({ action: "indicators", userId: curator, before: "{}" });
  });

  it("merges a duplicate: the draft's links move to the survivor, the duplicate is retired and keeps resolving", () => {
    const survivor = entry("Decision Making");
    const scale = survivor.scaleId;
    const dupId = crypto.randomUUID();
    getDb().insert(competencies).values({ id: dupId, type: "Behavioural", name: "Decision-making (duplicate)", scaleId: scale }).run();
    const cbic = ministry("CBIC");
    const activity = getDb().select().from(links).where(eq(links.frameworkId, cbic.frameworkId)).all().find((l) => l.kind === "activity_competency")!;
    const linkId = crypto.randomUUID();
    getDb().insert(links).values({ id: linkId, frameworkId: cbic.frameworkId, kind: "activity_competency", fromId: activity.fromId, toCompetencyId: dupId, level: 3 }).run();

    expect(mergeEntries({ duplicateId: dupId, survivorId: survivor.id, actorId: curator })).toEqual({ ok: true });
    expect(getDb().select().from(links).where(eq(links.id, linkId)).get()?.toCompetencyId).toBe(survivor.id);
    expect(getDb().select().from(competencies).where(eq(competencies.id, dupId)).get()).toMatchObject({ status: "retired", mergedIntoId: survivor.id });
    expect(ministry("CBIC").revision).toBe(cbic.revision + 1);
    expect(auditOf(dupId).at(-1)).toMatchObject({ action: "merge" });
    expect(auditOf(survivor.id).at(-1)).toMatchObject({ action: "merge in" });
    expect(searchEntries({ query: "duplicate", viewer: { mdoIds: [], allMdos: true } })).toEqual([]);
  });

  it("refuses merging into itself, a second time, across types, and writes nothing", () => {
    const a = entry("Decision Making");
    const f = getDb().select().from(competencies).where(eq(competencies.code, "FUN-076")).get()!;
    const before = auditOf(a.id).length;
    expect(mergeEntries({ duplicateId: a.id, survivorId: a.id, actorId: curator })).toMatchObject({ ok: false, status: 400 });
    expect(mergeEntries({ duplicateId: f.id, survivorId: a.id, actorId: curator })).toMatchObject({ ok: false, status: 400, message: expect.stringContaining("Functional") });
    expect(mergeEntries({ duplicateId: crypto.randomUUID(), survivorId: a.id, actorId: curator })).toMatchObject({ ok: false, status: 404 });
    expect(auditOf(a.id).length).toBe(before);
    expect(getDb().select().from(competencies).where(eq(competencies.id, f.id)).get()?.status).toBe("active");
  });
});
