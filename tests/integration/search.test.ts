// Search over the dictionary and framework nodes: ranking, prefixes, typos, Hindi, codes, the
// index kept in step by triggers, and who sees what (another ministry's draft never appears).
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { competencies, nodes } from "@db/schema";
import { searchEntries, searchEverything, searchNodes, type SearchViewer } from "~/models/search/search.server";
import { loader as dictionaryLoader } from "~/routes/dictionary._index";
import { ministry } from "../factories/edit-ops";
import { requestAs } from "../support/request";

const cbic = () => ministry("CBIC");
const mohfw = () => ministry("MOHFW");
const asCbic = (): SearchViewer => ({ mdoIds: [cbic().mdoId], allMdos: false });
const asMohfw = (): SearchViewer => ({ mdoIds: [mohfw().mdoId], allMdos: false });
const asCbc: SearchViewer = { mdoIds: [], allMdos: true };
const names = (hits: { name: string }[]) => hits.map((h) => h.name);

describe("ranking and matching", () => {
  it("ranks an entry named by the words above entries that only mention them", () => {
    const hits = searchEntries({ query: "decision making", viewer: asCbic() });
    expect(hits[0]?.name).toBe("Decision Making");
    expect(names(hits)).toContain("Data led Decision making");
  });

  it("matches the last word as a prefix, as the user types", () => {
    expect(names(searchEntries({ query: "decis", viewer: asCbic() }))).toContain("Decision Making");
    expect(names(searchEntries({ query: "decision mak", viewer: asCbic() }))[0]).toBe("Decision Making");
  });

  it("reads a misspelt word as the nearest indexed word", () => {
    expect(searchEntries({ query: "decison making", viewer: asCbic() })[0]?.name).toBe("Decision Making");
    expect(searchEntries({ query: "decision makign", viewer: asCbic() })[0]?.name).toBe("Decision Making");
    expect(names(searchEntries({ query: "leedership", viewer: asCbic() })).some((n) => /leadership/i.test(n))).toBe(true);
  });

  it("finds nothing, rather than anything, for words far from every indexed word", () => {
    expect(searchEntries({ query: "xqzvbnw", viewer: asCbic() })).toEqual([]);
    expect(searchEverything({ query: "  ,;- ", viewer: asCbic() }).hits).toEqual([]);
  });

  it("finds an entry by its KCM code, first", () => {
    const code = getDb().select().from(competencies).where(eq(competencies.code, "FUN-076")).get()!;
    const hits = searchEntries({ query: "FUN-076", viewer: asCbic() });
    expect(hits[0]).toMatchObject({ id: code.id, code: "FUN-076", type: "Functional", theme: expect.any(String) });
  });

  it("finds Hindi names, whole and as a prefix, and Hindi typos", () => {
    const entry = getDb().select().from(competencies).where(eq(competencies.name, "Decision Making")).get()!;
    getDb().update(competencies).set({ nameHi: "निर्णय लेना" }).where(eq(competencies.id, entry.id)).run();
    expect(searchEntries({ query: "निर्णय", viewer: asCbic() })[0]?.id).toBe(entry.id);
    expect(searchEntries({ query: "निर्ण", viewer: asCbic() })[0]?.id).toBe(entry.id);
    expect(searchEntries({ query: "निर्णाय लेना", viewer: asCbic() })[0]?.id).toBe(entry.id);
  });

  it("filters entries by type", () => {
    const hits = searchEntries({ query: "decision", viewer: asCbic(), types: ["Functional"] });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.type === "Functional")).toBe(true);
  });
});

describe("keeping in step", () => {
  it("indexes a node when it is added, renamed and removed", () => {
    const id = crypto.randomUUID();
    getDb().insert(nodes).values({ id, frameworkId: cbic().frameworkId, kind: "role", name: "Quarantine liaison" }).run();
    expect(searchNodes({ query: "quarantine", viewer: asCbic() })).toMatchObject([{ id, scope: "draft", kind: "role", mdoCode: "CBIC" }]);
    getDb().update(nodes).set({ name: "Phytosanitary liaison" }).where(eq(nodes.id, id)).run();
    expect(searchNodes({ query: "quarantine", viewer: asCbic() })).toEqual([]);
    expect(searchNodes({ query: "phytosanitary", viewer: asCbic() })[0]?.id).toBe(id);
    getDb().delete(nodes).where(eq(nodes.id, id)).run();
    expect(searchNodes({ query: "phytosanitary", viewer: asCbic() })).toEqual([]);
  });

  it("leaves retired entries out unless asked for", () => {
    const entry = getDb().select().from(competencies).where(eq(competencies.name, "Refund processing")).get()!;
    getDb().update(competencies).set({ status: "retired" }).where(eq(competencies.id, entry.id)).run();
    expect(searchEntries({ query: "refund processing", viewer: asCbc })).toEqual([]);
    expect(searchEntries({ query: "refund processing", viewer: asCbc, includeRetired: true })[0]).toMatchObject({ id: entry.id, status: "retired" });
    getDb().update(competencies).set({ status: "active" }).where(eq(competencies.id, entry.id)).run();
  });
});

describe("who sees what", () => {
  const mohfwDraftRole = () =>
    getDb().select().from(nodes).where(eq(nodes.frameworkId, mohfw().frameworkId)).all().find((n) => n.kind === "activity")!;

  it("never shows another ministry's draft node, by name, prefix or typo", () => {
    const node = mohfwDraftRole();
    for (const query of [node.name, node.name.slice(0, 12), node.name.replace(/e/, "ee")]) {
      expect(searchNodes({ query, viewer: asCbic() }).map((h) => h.id)).not.toContain(node.id);
      expect(searchEverything({ query, viewer: asCbic() }).hits.map((h) => h.id)).not.toContain(node.id);
    }
    expect(searchNodes({ query: node.name, viewer: asMohfw() })[0]).toMatchObject({ id: node.id, scope: "draft" });
    expect(searchNodes({ query: node.name, viewer: asCbc }).map((h) => h.id)).toContain(node.id);
  });

  it("keeps another ministry's unpublished Domain entry to that ministry and the CBC", () => {
    const query = "health information systems";
    expect(searchEntries({ query, viewer: asCbic() })).toEqual([]);
    expect(searchEntries({ query, viewer: asMohfw() })[0]).toMatchObject({ name: "Health information systems", mdoCode: "MOHFW" });
    expect(searchEntries({ query, viewer: asCbc })[0]?.name).toBe("Health information systems");
  });

  it("shows every ministry the nodes of a published version, and the Domain entries it requires", () => {
    const hits = searchNodes({ query: "customs", viewer: asMohfw(), scopes: ["published"] });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.mdoCode === "CBIC" && h.version === 1 && h.scope === "published")).toBe(true);
    expect(searchEntries({ query: "customs valuation", viewer: asMohfw() })[0]?.mdoCode).toBe("CBIC");
  });

  it("shows a viewer with no ministry nothing of any draft", () => {
    const hits = searchNodes({ query: "review", viewer: { mdoIds: [], allMdos: false }, limit: 200 });
    expect(hits.every((h) => h.scope === "published")).toBe(true);
  });
});

describe("the dictionary page with a query", () => {
  it("sends the results and not the whole tree; without a query, the tree", async () => {
    const call = async (path: string) => (await dictionaryLoader({ request: await requestAs("author@frac.test", path), params: {}, context: {} }).then((r) => r.json())) as { results: { name: string }[] | null; Behavioural: unknown[]; Functional: unknown[] };
    const searched = await call("/dictionary?q=decision");
    expect(searched.results?.[0]?.name).toBe("Decision Making");
    expect([searched.Behavioural.length, searched.Functional.length]).toEqual([0, 0]);
    const browsing = await call("/dictionary");
    expect(browsing.results).toBeNull();
    expect(browsing.Behavioural.length).toBeGreaterThan(5);
  });
});
