// Position profiles through their loaders, as the browser asks: the draft's (the ministry's members
// and the CBC; everyone else 404, recorded) and a published version's (everyone signed in), with a
// profile's content checked against the demo framework, and every wrong address a 404.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { auditLog } from "@db/schema";
import { positionNeeds } from "@schemas/demand";
import { getMdoByCode } from "~/models/access/mdos.server";
import { loadDraftDocument } from "~/models/draft/document.server";
import { getVersion } from "~/models/publication/versions.server";
import { loader as draftList } from "~/routes/frameworks.$code.positions._index";
import { loader as draftProfile } from "~/routes/frameworks.$code.positions.$positionId";
import { loader as versionList } from "~/routes/frameworks.$code.versions.$number_.positions._index";
import { loader as versionProfile } from "~/routes/frameworks.$code.versions.$number_.positions.$positionId";
import { requestAs, thrownResponse } from "../support/request";

type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<Response>;
const call = async (loader: Loader, email: string | null, path: string, params: Record<string, string>) => loader({ request: await requestAs(email, path), params, context: {} });
const cbic = () => getMdoByCode({ code: "CBIC" })!;
const mohfwDraft = () => loadDraftDocument({ mdoId: getMdoByCode({ code: "MOHFW" })!.id })!;
const refusals = () => getDb().select().from(auditLog).where(and(eq(auditLog.entity, "access"))).all().length;

describe("the draft's position profiles", () => {
  it("lists every position of the draft with its sanctioned posts, roles, competencies and completeness, for the ministry's author", async () => {
    const body = await (await call(draftList as Loader, "author@frac.test", "/frameworks/CBIC/positions", { code: "CBIC" })).json();
    const doc = loadDraftDocument({ mdoId: cbic().id })!;
    const positions = doc.nodes.filter((n) => n.kind === "position");
    expect(body.source).toEqual({ kind: "draft", revision: doc.revision });
    expect(body.positions.map((p: { id: string }) => p.id)).toEqual(positions.map((p) => p.id));
    const needs = positionNeeds(doc);
    for (const p of body.positions) expect(p.competencies).toBe(needs.get(p.id)!.size);
    // Sanctioned posts as the demo gives them (db/seed-data/demo-cbic.json).
    expect(body.positions.slice(0, 3).map((p: { name: string; posts: number | null }) => [p.name, p.posts])).toEqual([
      ["Chief Commissioner", 60],
      ["Principal Commissioner", 150],
      ["Commissioner", 330],
    ]);
  });

  it("shows a profile: roles in link order, each competency at the highest level of its paths, with the level's descriptor or indicators", async () => {
    const doc = mohfwDraft();
    const joint = doc.nodes.find((n) => n.name === "Joint Secretary")!;
    const res = await call(draftProfile as Loader, "other-author@frac.test", `/frameworks/MOHFW/positions/${joint.id}`, { code: "MOHFW", positionId: joint.id });
    const { profile } = await res.json();
    expect(profile.position).toMatchObject({ name: "Joint Secretary", nameHi: "संयुक्त सचिव" });
    expect(profile.roles.map((r: { name: string }) => r.name)).toEqual(["Programme leadership", "State plan appraisal"]);
    // Public health programme management: 4 on the role Programme leadership, 3 on two activities → 4.
    const php = profile.competencies.find((c: { name: string }) => c.name === "Public health programme management");
    expect(php).toMatchObject({ level: 4, levelName: "Expert", levelCount: 5, type: "Domain", importance: "essential", indicatorsAreDefault: true });
    expect(php.indicators).toHaveLength(1);
    expect(php.neededBy.sort()).toEqual(["Appraise state programme implementation plans", "Conduct review visits to states", "Programme leadership"]);
    expect(profile.competencies).toHaveLength(positionNeeds(doc).get(joint.id)!.size);
    expect(profile.score).toBe(94);
  });

  it("is 404 for another ministry's draft (recorded), an unknown ministry, a position id that is not one, or a position of another framework", async () => {
    const before = refusals();
    const mohfwPosition = mohfwDraft().nodes.find((n) => n.kind === "position")!.id;
    for (const [email, path, params] of [
      ["author@frac.test", `/frameworks/MOHFW/positions/${mohfwPosition}`, { code: "MOHFW", positionId: mohfwPosition }],
      ["author@frac.test", "/frameworks/MOHFW/positions", { code: "MOHFW" }],
      ["author@frac.test", "/frameworks/NOPE/positions", { code: "NOPE" }],
      ["author@frac.test", "/frameworks/CBIC/positions/not-a-uuid", { code: "CBIC", positionId: "not-a-uuid" }],
      ["author@frac.test", `/frameworks/CBIC/positions/${mohfwPosition}`, { code: "CBIC", positionId: mohfwPosition }],
    ] as const) {
      const loader = (params as Record<string, string>).positionId ? draftProfile : draftList;
      const res = await thrownResponse(() => call(loader as Loader, email, path, params));
      expect(res.status, path).toBe(404);
    }
    expect(refusals()).toBe(before + 2);
    // A CBC reviewer reads every draft.
    const ok = await call(draftProfile as Loader, "reviewer@frac.test", `/frameworks/MOHFW/positions/${mohfwPosition}`, { code: "MOHFW", positionId: mohfwPosition });
    expect(ok.status).toBe(200);
  });

  it("sends a visitor who is not signed in to the sign-in page", async () => {
    const res = await thrownResponse(() => call(draftList as Loader, null, "/frameworks/CBIC/positions", { code: "CBIC" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/login?redirectTo=%2Fframeworks%2FCBIC%2Fpositions");
  });
});

describe("a published version's position profiles", () => {
  it("are readable by anyone signed in, from the version as published", async () => {
    const v1 = getVersion({ mdoId: cbic().id, number: 1 })!.document;
    const position = v1.nodes.find((n) => n.kind === "position")!;
    const list = await (await call(versionList as Loader, "other-author@frac.test", "/frameworks/CBIC/versions/1/positions", { code: "CBIC", number: "1" })).json();
    expect(list.source).toMatchObject({ kind: "version", number: 1 });
    expect(list.positions).toHaveLength(v1.nodes.filter((n) => n.kind === "position").length);
    const res = await call(versionProfile as Loader, "other-author@frac.test", `/frameworks/CBIC/versions/1/positions/${position.id}`, { code: "CBIC", number: "1", positionId: position.id });
    const { profile, base } = await res.json();
    expect(base).toBe("/frameworks/CBIC/versions/1");
    expect(profile.position.name).toBe(position.name);
    expect(profile.competencies.map((c: { id: string; level: number }) => [c.id, c.level]).sort()).toEqual([...positionNeeds(v1).get(position.id)!].sort());
  });

  it("is 404 for a version that does not exist or is not a number, and for a position not in that version", async () => {
    const position = getVersion({ mdoId: cbic().id, number: 1 })!.document.nodes.find((n) => n.kind === "position")!.id;
    const cases: [Loader, string, Record<string, string>][] = [
      [versionList as Loader, "/frameworks/CBIC/versions/9/positions", { code: "CBIC", number: "9" }],
      [versionList as Loader, "/frameworks/CBIC/versions/0/positions", { code: "CBIC", number: "0" }],
      [versionList as Loader, "/frameworks/CBIC/versions/one/positions", { code: "CBIC", number: "one" }],
      [versionList as Loader, "/frameworks/MOHFW/versions/1/positions", { code: "MOHFW", number: "1" }],
      [versionProfile as Loader, `/frameworks/MOHFW/versions/1/positions/${position}`, { code: "MOHFW", number: "1", positionId: position }],
      [versionProfile as Loader, `/frameworks/CBIC/versions/1/positions/${crypto.randomUUID()}`, { code: "CBIC", number: "1", positionId: crypto.randomUUID() }],
    ];
    for (const [loader, path, params] of cases) expect((await thrownResponse(() => call(loader, "author@frac.test", path, params))).status, path).toBe(404);
  });
});
