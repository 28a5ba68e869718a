// Suggestions while adding a role or activity: the ministry's own draft and every published
// framework, never another ministry's draft.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { frameworks, mdos, nodes } from "@db/schema";
import { eq } from "drizzle-orm";
import { similarity, wordsOf, type Suggestion } from "~/models/search/reuse-suggestions.server";
import { loader } from "~/routes/resources.suggestions";
import { requestAs, thrownResponse } from "../support/request";

const db = getDb();
const frameworkOf = (code: string) => db.select({ id: frameworks.id }).from(frameworks).innerJoin(mdos, eq(mdos.id, frameworks.mdoId)).where(eq(mdos.code, code)).get()?.id as string;
// why a word no published framework holds: any hit for it could only come from this draft.
const SECRET = "Zymurgy licensing oversight";
db.insert(nodes).values({ id: crypto.randomUUID(), frameworkId: frameworkOf("MOHFW"), kind: "role", name: SECRET, description: "Health ministry draft only" }).run();
db.insert(nodes).values({ id: crypto.randomUUID(), frameworkId: frameworkOf("CBIC"), kind: "role", name: "Zymurgy duty assessment", description: "CBIC's own draft" }).run();

async function suggest(email: string, query: string) {
  const request = await requestAs(email, `/resources/suggestions?${query}`);
  const res = await loader({ request, params: {}, context: {} });
  return ((await res.json()) as { suggestions: Suggestion[] }).suggestions;
}

describe("/resources/suggestions", () => {
  it("never suggests another ministry's draft, and refuses to read it (404)", async () => {
    const cbic = await suggest("author@frac.test", "kind=role&q=zymurgy&mdo=CBIC");
    expect(cbic.map((s) => s.name)).toEqual(["Zymurgy duty assessment"]);
    expect(cbic[0].from).toEqual({ mdo: "CBIC", mdoName: expect.any(String), version: null });
    const refused = await thrownResponse(async () => loader({ request: await requestAs("author@frac.test", "/resources/suggestions?kind=role&q=zymurgy&mdo=MOHFW"), params: {}, context: {} }));
    expect(refused.status).toBe(404);
    const mohfw = await suggest("other-author@frac.test", "kind=role&q=zymurgy&mdo=MOHFW");
    expect(mohfw.map((s) => s.name)).toEqual([SECRET]);
  });

  it("suggests published roles of other ministries with where they come from and what they require", async () => {
    const found = await suggest("other-author@frac.test", "kind=role&q=anti-smuggling&mdo=MOHFW");
    expect(found.length).toBeGreaterThan(0);
    const published = found.find((s) => s.from.mdo === "CBIC");
    expect(published?.from.version).toBe(1);
    expect(published?.name).toMatch(/Anti-smuggling/u);
    expect(published?.activities.length).toBeGreaterThan(0);
    expect(found.every((s) => s.kind === "role")).toBe(true);
    const activities = await suggest("other-author@frac.test", "kind=activity&q=examine%20cargo&mdo=MOHFW");
    expect(activities.every((s) => s.kind === "activity" && s.from.mdo === "CBIC")).toBe(true);
  });

  it("answers bad parameters with 400 naming the problem", async () => {
    for (const [query, message] of [
      ["kind=position&q=x&mdo=CBIC", /role or activity/u],
      ["kind=role&mdo=CBIC", /q \(what the author is typing\)/u],
      ["kind=role&q=x", /mdo/u],
      [`kind=role&q=${"x".repeat(301)}&mdo=CBIC`, /at most 300/u],
    ] as const) {
      const res = await thrownResponse(async () => loader({ request: await requestAs("author@frac.test", `/resources/suggestions?${query}`), params: {}, context: {} }));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(message);
    }
  });
});

describe("the ranking", () => {
  it("prefers names that hold every word, by prefix, over descriptions", () => {
    const q = wordsOf("consol demand");
    expect(similarity(q, "Consolidate demands for grants", "")).toBeGreaterThan(similarity(q, "Budget review", "consolidates demands"));
    expect(similarity(q, "Budget review", "")).toBe(0);
    expect(similarity(wordsOf("बजट"), "बजट तैयारी", "")).toBeGreaterThan(0.8);
  });
});

describe("the ministry's own published nodes", () => {
  it("come once, as the draft the author edits", async () => {
    const found = await suggest("author@frac.test", "kind=role&q=anti-smuggling&mdo=CBIC");
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found.map((s) => s.nodeId)).size).toBe(found.length);
    expect(found.every((s) => s.from.version === null)).toBe(true);
  });
});
