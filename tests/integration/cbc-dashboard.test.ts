// The CBC dashboard, its CSV, the comparison and the heat map on the seeded database (CBIC has
// published version 1 and has a draft; MOHFW has a draft only), plus one ministry whose review
// steps are written here with known times, so days in state and turnaround are checked by hand.
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { userId } from "@db/ids";
import { frameworks, mdos, reviewEvents } from "@db/schema";
import { dashboardQuerySchema } from "@schemas/dashboard-query";
import { countByStatus, countByTurnaround, listDashboardRows, queryDashboard } from "~/models/insight/dashboard.server";
import { reviewTimesOf } from "~/models/insight/review-times.server";
import { loader as dashboardLoader } from "~/routes/cbc._index";
import { loader as csvLoader } from "~/routes/cbc[.]csv";
import { loader as compareLoader } from "~/routes/compare";
import { loader as heatmapLoader } from "~/routes/frameworks.$code.heatmap";
import { requestAs, thrownResponse } from "../support/request";

const args = async (email: string | null, path: string, params: Record<string, string> = {}) => ({ request: await requestAs(email, path), params, context: {} });
const query = (q: Record<string, string> = {}) => dashboardQuerySchema.parse(q);

/** A ministry activated here, named so it sorts and searches apart, with review steps at given times. */
function ministryWithSteps(code: string, steps: { action: "submit" | "verify" | "reject" | "approve"; at: string; version?: number }[], status: "DRAFT" | "UNVERIFIED" | "VERIFIED" | "REJECTED") {
  const db = getDb();
  const mdo = db.select().from(mdos).where(eq(mdos.active, false)).limit(1).get()!;
  db.update(mdos).set({ active: true, code, name: `Zz Test Ministry ${code}` }).where(eq(mdos.id, mdo.id)).run();
  const frameworkId = crypto.randomUUID();
  db.insert(frameworks).values({ id: frameworkId, mdoId: mdo.id, status, createdAt: "2026-01-01T00:00:00.000Z" }).run();
  const reviewer = userId("reviewer@frac.test");
  for (const s of steps) {
    db.insert(reviewEvents)
      .values({ id: crypto.randomUUID(), frameworkId, action: s.action, fromStatus: "x", toStatus: "y", userId: reviewer, at: s.at, versionNumber: s.version ?? null })
      .run();
  }
  return mdo.id;
}

describe("who may open the CBC's pages", () => {
  it("answers 200 to reviewer, board, curator and admin, and 404 to authors and viewers (and sends the signed-out to sign in)", async () => {
    for (const email of ["reviewer@frac.test", "board@frac.test", "curator@frac.test", "admin@frac.test"]) {
      const data = await (await dashboardLoader(await args(email, "/cbc"))).json();
      expect(data.rows.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(["CBIC", "MOHFW"]));
    }
    for (const email of ["author@frac.test", "viewer@frac.test", "other-author@frac.test"]) {
      expect((await thrownResponse(async () => dashboardLoader(await args(email, "/cbc")))).status).toBe(404);
      expect((await thrownResponse(async () => csvLoader(await args(email, "/cbc.csv")))).status).toBe(404);
      expect((await thrownResponse(async () => compareLoader(await args(email, "/compare?a=CBIC&b=MOHFW")))).status).toBe(404);
    }
    const out = await thrownResponse(async () => dashboardLoader(await args(null, "/cbc")));
    expect(out.status).toBe(302);
    expect(out.headers.get("Location")).toBe("/login?redirectTo=%2Fcbc");
  });

  it("answers a bad filter or sort with 400 naming the parameter", async () => {
    const bad = await thrownResponse(async () => dashboardLoader(await args("reviewer@frac.test", "/cbc?sort=size&dir=up")));
    expect(bad.status).toBe(400);
    const { message } = (await bad.json()) as { message: string };
    expect(message).toContain("sort must be one of name, status");
    expect(message).toContain("dir must be asc or desc");
    expect((await thrownResponse(async () => dashboardLoader(await args("reviewer@frac.test", "/cbc?status=PUBLISHED")))).status).toBe(400);
    expect((await thrownResponse(async () => csvLoader(await args("reviewer@frac.test", `/cbc.csv?q=${"x".repeat(101)}`)))).status).toBe(400);
  });
});

describe("days in state and review turnaround", () => {
  it("counts a publication's turnaround from the first submission of its round, rounds sent back included", () => {
    const times = reviewTimesOf([
      { action: "submit", at: "2026-03-01T10:00:00.000Z", versionNumber: null },
      { action: "reject", at: "2026-03-03T10:00:00.000Z", versionNumber: null },
      { action: "submit", at: "2026-03-05T10:00:00.000Z", versionNumber: null },
      { action: "verify", at: "2026-03-06T10:00:00.000Z", versionNumber: null },
      { action: "approve", at: "2026-03-11T22:00:00.000Z", versionNumber: 1 },
      { action: "submit", at: "2026-04-01T00:00:00.000Z", versionNumber: null },
      { action: "verify", at: "2026-04-02T00:00:00.000Z", versionNumber: null },
      { action: "approve", at: "2026-04-04T12:00:00.000Z", versionNumber: 2 },
    ]);
    // 1 March 10:00 → 11 March 22:00 is 10.5 days; 1 April → 4 April 12:00 is 3.5 days.
    expect(times.turnarounds.map((t) => [t.version, t.days])).toEqual([
      [1, 10.5],
      [2, 3.5],
    ]);
    expect(times.lastStepAt).toBe("2026-04-04T12:00:00.000Z");
  });

  it("shows each ministry's days in its current state and its latest turnaround, on the page and in the CSV", async () => {
    ministryWithSteps("ZZPUB", [
      { action: "submit", at: "2026-02-01T00:00:00.000Z" },
      { action: "reject", at: "2026-02-04T00:00:00.000Z" },
      { action: "submit", at: "2026-02-10T00:00:00.000Z" },
      { action: "verify", at: "2026-02-12T00:00:00.000Z" },
      { action: "approve", at: "2026-02-21T06:00:00.000Z", version: 1 },
    ], "DRAFT");
    ministryWithSteps("ZZSUB", [{ action: "submit", at: "2026-03-01T00:00:00.000Z" }], "UNVERIFIED");
    ministryWithSteps("ZZNEW", [], "DRAFT");
    const now = new Date("2026-03-11T12:00:00.000Z");
    const rows = new Map(listDashboardRows({ now }).map((r) => [r.code, r]));
    // Approved 21 Feb 06:00 → 11 Mar 12:00: 18 full days as a draft; submitted 1 Feb → approved 21 Feb 06:00: 20.3 days.
    expect(rows.get("ZZPUB")).toMatchObject({ status: "DRAFT", stateSince: "2026-02-21T06:00:00.000Z", daysInState: 18, turnaroundDays: 20.3 });
    // Submitted 1 Mar 00:00 → 11 Mar 12:00: 10 full days waiting for review, nothing published.
    expect(rows.get("ZZSUB")).toMatchObject({ status: "UNVERIFIED", daysInState: 10, turnaroundDays: null, latestVersion: null });
    // No review step: the state began when the framework was created (1 Jan): 69 days.
    expect(rows.get("ZZNEW")).toMatchObject({ status: "DRAFT", stateSince: "2026-01-01T00:00:00.000Z", daysInState: 69, completeness: expect.any(Number) });

    const all = [...rows.values()];
    expect(countByStatus(all).find((s) => s.status === "UNVERIFIED")!.count).toBe(all.filter((r) => r.status === "UNVERIFIED").length);
    const bands = countByTurnaround(all);
    expect(bands.find((b) => b.upTo === 30)!.count).toBeGreaterThanOrEqual(1);

    const byDays = queryDashboard(all, query({ q: "zz test", sort: "days", dir: "desc" })).map((r) => r.code);
    expect(byDays).toEqual(["ZZNEW", "ZZPUB", "ZZSUB"]);
    expect(queryDashboard(all, query({ status: "UNVERIFIED", q: "zzsub" })).map((r) => r.code)).toEqual(["ZZSUB"]);
    // Nulls go last in both directions.
    const turnaround = queryDashboard(all, query({ q: "zz test", sort: "turnaround", dir: "asc" })).map((r) => r.turnaroundDays);
    expect(turnaround[0]).toBe(20.3);
    expect(turnaround.slice(1)).toEqual([null, null]);
  });
});

describe("GET /cbc.csv", () => {
  it("is Excel-safe CSV (BOM, CRLF, formulas neutralised) with the page's filters", async () => {
    const db = getDb();
    const mdoId = ministryWithSteps("ZZCSV", [], "DRAFT");
    db.update(mdos).set({ name: '=HYPERLINK("http://evil.example","x"), "quoted"' }).where(eq(mdos.id, mdoId)).run();
    const res = await csvLoader(await args("reviewer@frac.test", "/cbc.csv?q=zzcsv"));
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="cbc-dashboard.csv"');
    const text = Buffer.from(await res.arrayBuffer()).toString("utf8");
    expect(text.startsWith("\uFEFFCode,Ministry,State,Latest version,Published at,In this state since,Days in this state,Completeness,Errors,Warnings,Review turnaround (days)\r\n")).toBe(true);
    const lines = text.trimEnd().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^ZZCSV,"'=HYPERLINK\(""http:\/\/evil\.example"",""x""\), ""quoted""",DRAFT,,,2026-01-01T00:00:00\.000Z,\d+,\d+,\d+,\d+,$/);
  });
});

describe("GET /compare", () => {
  it("compares CBIC's published version with MOHFW's draft: shared competencies with both levels, similar roles", async () => {
    const res = await compareLoader(await args("reviewer@frac.test", "/compare?a=cbic&b=MOHFW"));
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data.result!.sources).toEqual({ a: { kind: "version", number: 1, publishedAt: expect.any(String) }, b: { kind: "draft", revision: expect.any(Number) } });
    expect(data.result!.shared.length).toBeGreaterThan(0);
    for (const s of data.result!.shared) expect(s).toMatchObject({ a: { level: expect.any(Number), positions: expect.any(Number) }, b: { level: expect.any(Number) } });
    expect(data.result!.roles).toEqual(expect.arrayContaining([expect.objectContaining({ a: expect.objectContaining({ name: "Parliament and references" }), b: expect.objectContaining({ name: "Parliament and file work" }) })]));
    const drafts = await (await compareLoader(await args("board@frac.test", "/compare?a=CBIC&b=MOHFW&drafts=1"))).json();
    expect(drafts.result?.sources.a.kind).toBe("draft");
  });

  it("answers an unknown code, the same ministry twice or a missing second ministry with 400 and a message key, not a 500", async () => {
    const unknown = await compareLoader(await args("reviewer@frac.test", "/compare?a=NOPE&b=MOHFW"));
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).problem).toEqual({ key: "unknown", field: "a", values: { code: "NOPE" } });
    const same = await compareLoader(await args("reviewer@frac.test", "/compare?a=CBIC&b=cbic"));
    expect((await same.json()).problem).toMatchObject({ key: "same", field: "b" });
    const one = await compareLoader(await args("reviewer@frac.test", "/compare?a=CBIC"));
    expect(one.status).toBe(400);
    expect((await one.json()).problem).toMatchObject({ key: "onlyOne", field: "b" });
    const empty = await compareLoader(await args("reviewer@frac.test", "/compare"));
    expect(empty.status).toBe(200);
  });
});

describe("GET /frameworks/CODE/heatmap", () => {
  it("maps the draft's positions × competencies for members and the CBC, a version for anyone signed in, and refuses the rest", async () => {
    const draft = await (await heatmapLoader(await args("author@frac.test", "/frameworks/CBIC/heatmap", { code: "CBIC" }))).json();
    expect(draft.source.kind).toBe("draft");
    expect(draft.map.rows.length).toBeGreaterThan(5);
    for (const row of draft.map.rows) expect(row.levels).toMatch(new RegExp(`^[0-5]{${draft.map.columns.length}}$`));
    const v1 = await (await heatmapLoader(await args("other-author@frac.test", "/frameworks/CBIC/heatmap?version=1", { code: "CBIC" }))).json();
    expect(v1.source).toEqual({ kind: "version", number: 1 });
    expect(v1.draftReadable).toBe(false);
    expect((await thrownResponse(async () => heatmapLoader(await args("other-author@frac.test", "/frameworks/CBIC/heatmap", { code: "CBIC" })))).status).toBe(404);
    expect((await thrownResponse(async () => heatmapLoader(await args("author@frac.test", "/frameworks/CBIC/heatmap?version=9", { code: "CBIC" })))).status).toBe(404);
    expect((await thrownResponse(async () => heatmapLoader(await args("author@frac.test", "/frameworks/CBIC/heatmap?version=one", { code: "CBIC" })))).status).toBe(400);
  });
});
