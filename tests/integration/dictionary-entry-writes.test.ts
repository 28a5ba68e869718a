// Curators add, edit and retire shared dictionary entries through the pages' actions: audited,
// shown in the history, searchable; every bad input is a clear refusal with nothing written.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { kcmId } from "@db/ids";
import { competencies } from "@db/schema";
import { LIMITS } from "@schemas/limits";
import { entryHistory } from "~/models/dictionary/curation.server";
import { listUsableCompetencies } from "~/models/draft/editor.server";
import { searchEntries } from "~/models/search/search.server";
import { action as newAction, loader as newLoader } from "~/routes/dictionary.new";
import { action as entryAction } from "~/routes/dictionary.$id";
import { expectRefused } from "../support/db-state";
import { getAs, postForm } from "../support/form-post";
import { ministry } from "../factories/edit-ops";

const CURATOR = "curator@frac.test";
const AUTHOR = "author@frac.test";
const selfAwareness = kcmId("Behavioural", "Self-Awareness");
const byName = (name: string) => getDb().select().from(competencies).where(eq(competencies.name, name)).get();
const add = (body: Record<string, string>, email = CURATOR) => postForm(newAction, email, "/dictionary/new", { intent: "add", ...body });
const onEntry = (id: string, body: Record<string, string>, email = CURATOR) => postForm(entryAction, email, `/dictionary/${id}`, body, { id });
const everyone = { mdoIds: [], allMdos: true };

describe("adding an entry", () => {
  it("adds a sub-theme under a theme of its type: audited, in the history, searchable, offered to authors", async () => {
    const res = await add({ type: "Behavioural", parentId: selfAwareness, name: "  Reflective   Journalling ", description: "Keeps a learning journal." });
    expect(res.status).toBe(302);
    const created = byName("Reflective Journalling")!;
    expect(res.headers.get("Location")).toBe(`/dictionary/${created.id}`);
    expect(created).toMatchObject({ type: "Behavioural", parentId: selfAwareness, mdoId: null, status: "active" });
    expect(entryHistory({ competencyId: created.id })[0]).toMatchObject({ action: "create", userName: expect.any(String) });
    expect(searchEntries({ query: "journalling", viewer: everyone }).map((h) => h.id)).toContain(created.id);
    expect(listUsableCompetencies({ mdoId: ministry("CBIC").mdoId }).map((c) => c.id)).toContain(created.id);
  });

  it("adds a new theme with no parent", async () => {
    expect((await add({ type: "Functional", parentId: "", name: "Public Procurement Ethics" })).status).toBe(302);
    expect(byName("Public Procurement Ethics")).toMatchObject({ type: "Functional", parentId: null });
  });

  it("refuses bad input with a clear message and writes nothing", async () => {
    const subTheme = getDb().select().from(competencies).where(eq(competencies.parentId, selfAwareness)).get()!;
    await expectRefused(() => add({ type: "Behavioural", name: "   " }), 400, /Give the entry a name/u);
    await expectRefused(() => add({ type: "Behavioural", name: "x".repeat(LIMITS.NAME_MAX + 1) }), 400, /longer than 300/u);
    await expectRefused(() => add({ type: "Behavioural", name: "Long", description: "d".repeat(LIMITS.DESCRIPTION_MAX + 1) }), 400, /description is longer/u);
    await expectRefused(() => add({ type: "Domain", name: "Customs" }), 400, /Behavioural or Functional/u);
    await expectRefused(() => add({ type: "Behavioural", parentId: crypto.randomUUID(), name: "Orphan" }), 400, /not in the shared dictionary/u);
    await expectRefused(() => add({ type: "Functional", parentId: selfAwareness, name: "Wrong type" }), 400, /Behavioural theme/u);
    await expectRefused(() => add({ type: "Behavioural", parentId: subTheme.id, name: "Too deep" }), 400, /is a sub-theme/u);
    await expectRefused(() => add({ type: "Behavioural", parentId: selfAwareness, name: subTheme.name.toUpperCase() }), 409, /already in the dictionary/u);
    await expectRefused(() => add({ type: "Behavioural", name: "Scaled", scaleId: "no-such-scale" }), 400, /scale does not exist/u);
  });

  it("does not exist for anyone but a curator", async () => {
    expect((await getAs(newLoader, AUTHOR, "/dictionary/new")).status).toBe(404);
    await expectRefused(() => add({ type: "Behavioural", name: "By an author" }, AUTHOR), 404, /no such page/u);
  });
});

describe("editing and retiring", () => {
  it("edits the name and description, audited with before and after", async () => {
    const e = byName("Public Procurement Ethics")!;
    const res = await onEntry(e.id, { intent: "edit", name: "Procurement Ethics", description: "Fair and open buying." });
    expect(await res.json()).toMatchObject({ ok: true, intent: "edit" });
    expect(entryHistory({ competencyId: e.id })[0]).toMatchObject({ action: "edit", before: JSON.stringify({ name: "Public Procurement Ethics", description: "" }) });
    await expectRefused(() => onEntry(e.id, { intent: "edit", name: "Procurement Ethics", description: "Fair and open buying." }), 400, /Nothing changed/u);
    await expectRefused(() => onEntry(e.id, { intent: "edit", name: "", description: "" }), 400, /Give the entry a name/u);
  });

  it("retires an entry: kept, marked, no longer offered or found; a theme with active sub-themes is refused", async () => {
    await expectRefused(() => onEntry(selfAwareness, { intent: "retire", reason: "" }), 409, /active sub-theme/u);
    const e = byName("Reflective Journalling")!;
    expect(await (await onEntry(e.id, { intent: "retire", reason: "Folded into Self-Analysis." })).json()).toMatchObject({ ok: true });
    expect(byName("Reflective Journalling")).toMatchObject({ status: "retired" });
    expect(entryHistory({ competencyId: e.id })[0]).toMatchObject({ action: "retire" });
    expect(listUsableCompetencies({ mdoId: ministry("CBIC").mdoId }).map((c) => c.id)).not.toContain(e.id);
    expect(searchEntries({ query: "journalling", viewer: everyone })).toEqual([]);
    await expectRefused(() => onEntry(e.id, { intent: "retire", reason: "" }), 409, /already retired/u);
    await expectRefused(() => onEntry(e.id, { intent: "edit", name: "Revived", description: "" }), 409, /retired and can no longer be changed/u);
  });

  it("refuses an author's edit and an unknown intent", async () => {
    const e = byName("Procurement Ethics")!;
    await expectRefused(() => onEntry(e.id, { intent: "edit", name: "Hijacked", description: "" }, AUTHOR), 403, /Only a curator/u);
    await expectRefused(() => onEntry(e.id, { intent: "delete" }), 400, /not one this page understands/u);
  });
});
