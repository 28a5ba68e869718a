// Curators write an entry's Hindi name and description (optional) on the add and edit forms: saved,
// audited with before and after, found by search, and refused with nothing written when too long.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { kcmId } from "@db/ids";
import { competencies } from "@db/schema";
import { LIMITS } from "@schemas/limits";
import { entryHistory } from "~/models/dictionary/curation.server";
import { getDictionaryEntry } from "~/models/dictionary/dictionary.server";
import { searchEntries } from "~/models/search/search.server";
import { action as newAction } from "~/routes/dictionary.new";
import { action as entryAction } from "~/routes/dictionary.$id";
import { action as proposeAction } from "~/routes/dictionary.propose";
import { action as queueAction } from "~/routes/dictionary.proposals";
import { dictionaryProposals } from "@db/schema";
import { expectRefused } from "../support/db-state";
import { postForm } from "../support/form-post";

const CURATOR = "curator@frac.test";
const selfAwareness = kcmId("Behavioural", "Self-Awareness");
const byName = (name: string) => getDb().select().from(competencies).where(eq(competencies.name, name)).get();
const add = (body: Record<string, string>) => postForm(newAction, CURATOR, "/dictionary/new", { intent: "add", type: "Behavioural", parentId: selfAwareness, ...body });
const edit = (id: string, body: Record<string, string>) => postForm(entryAction, CURATOR, `/dictionary/${id}`, { intent: "edit", ...body }, { id });
const everyone = { mdoIds: [], allMdos: true };
const AUTHOR = "author@frac.test";
const proposeAs = (body: Record<string, string>) => postForm(proposeAction, AUTHOR, "/dictionary/propose", { intent: "propose", type: "Behavioural", ...body });
const proposal = (name: string) => getDb().select().from(dictionaryProposals).where(eq(dictionaryProposals.name, name)).get()!;
const accept = (id: string) => postForm(queueAction, CURATOR, "/dictionary/proposals", { intent: "accept", proposalId: id, reason: "" });

describe("an entry's Hindi name and description", () => {
  it("are saved when the entry is added, audited, shown on its page and found by search", async () => {
    const res = await add({ name: "Mindful Reflection", description: "Pauses to reflect.", nameHi: "  सचेत   चिंतन ", descriptionHi: "काम से पहले रुककर सोचता है।" });
    expect(res.status).toBe(302);
    const created = byName("Mindful Reflection")!;
    expect(created).toMatchObject({ nameHi: "सचेत चिंतन", descriptionHi: "काम से पहले रुककर सोचता है।" });
    expect(JSON.parse(entryHistory({ competencyId: created.id })[0].after!)).toMatchObject({ nameHi: "सचेत चिंतन", descriptionHi: "काम से पहले रुककर सोचता है।" });
    expect(getDictionaryEntry({ id: created.id, mdoIds: [], allMdos: true })).toMatchObject({ nameHi: "सचेत चिंतन" });
    expect(searchEntries({ query: "चिंतन", viewer: everyone }).map((h) => h.id)).toContain(created.id);
  });

  it("leaves them empty when the fields are blank", async () => {
    expect((await add({ name: "Quiet Focus", nameHi: "   ", descriptionHi: "" })).status).toBe(302);
    expect(byName("Quiet Focus")).toMatchObject({ nameHi: null, descriptionHi: null });
  });

  it("are changed, and cleared, by the edit form, audited with before and after", async () => {
    const e = byName("Mindful Reflection")!;
    const changed = await edit(e.id, { name: e.name, description: e.description, nameHi: "सचेत मनन", descriptionHi: e.descriptionHi! });
    expect(await changed.json()).toMatchObject({ ok: true, intent: "edit" });
    expect(byName("Mindful Reflection")).toMatchObject({ nameHi: "सचेत मनन" });
    expect(entryHistory({ competencyId: e.id })[0]).toMatchObject({ action: "edit", before: JSON.stringify({ nameHi: "सचेत चिंतन" }), after: JSON.stringify({ nameHi: "सचेत मनन" }) });
    expect(searchEntries({ query: "मनन", viewer: everyone }).map((h) => h.id)).toContain(e.id);

    expect(await (await edit(e.id, { name: e.name, description: e.description, nameHi: "", descriptionHi: "" })).json()).toMatchObject({ ok: true });
    expect(byName("Mindful Reflection")).toMatchObject({ nameHi: null, descriptionHi: null });
    expect(JSON.parse(entryHistory({ competencyId: e.id })[0].before!)).toEqual({ nameHi: "सचेत मनन", descriptionHi: "काम से पहले रुककर सोचता है।" });
  });

  it("keep the Hindi as it is when a post leaves the fields out", async () => {
    const e = byName("Quiet Focus")!;
    await edit(e.id, { name: e.name, description: e.description, nameHi: "शांत एकाग्रता" });
    expect(await (await edit(e.id, { name: e.name, description: "Stays with one task." })).json()).toMatchObject({ ok: true });
    expect(byName("Quiet Focus")).toMatchObject({ nameHi: "शांत एकाग्रता", description: "Stays with one task." });
  });

  it("accept Latin letters in the Hindi fields (a code or an English term is fine)", async () => {
    expect((await add({ name: "E-Office Filing", nameHi: "e-Office फ़ाइलिंग" })).status).toBe(302);
    expect(byName("E-Office Filing")).toMatchObject({ nameHi: "e-Office फ़ाइलिंग" });
  });

  it("refuse a Hindi name or description that is too long, naming the field, and write nothing", async () => {
    await expectRefused(() => add({ name: "Too Long Hindi", nameHi: "क".repeat(LIMITS.NAME_HI_MAX + 1) }), 400, /Hindi name is longer than 300/u);
    await expectRefused(() => add({ name: "Too Long Hindi", descriptionHi: "क".repeat(LIMITS.DESCRIPTION_HI_MAX + 1) }), 400, /Hindi description is longer than 5000/u);
    const e = byName("Quiet Focus")!;
    await expectRefused(() => edit(e.id, { name: e.name, description: e.description ?? "", nameHi: "क".repeat(LIMITS.NAME_HI_MAX + 1) }), 400, /Hindi name is longer/u);
    expect(byName("Quiet Focus")).toMatchObject({ nameHi: "शांत एकाग्रता" });
  });
});

describe("proposals in Hindi", () => {
  it("an author proposes a new entry with its Hindi; accepting it writes the Hindi into the dictionary", async () => {
    expect((await proposeAs({ parentId: selfAwareness, name: "Calm Under Pressure", nameHi: "दबाव में शांत", descriptionHi: "कठिन समय में संयम रखता है।" })).status).toBe(302);
    const p = proposal("Calm Under Pressure");
    expect(p).toMatchObject({ nameHi: "दबाव में शांत", descriptionHi: "कठिन समय में संयम रखता है।" });
    expect(await (await accept(p.id)).json()).toMatchObject({ ok: true });
    expect(byName("Calm Under Pressure")).toMatchObject({ nameHi: "दबाव में शांत", descriptionHi: "कठिन समय में संयम रखता है।" });
    expect(searchEntries({ query: "संयम", viewer: everyone }).map((h) => h.name)).toContain("Calm Under Pressure");
  });

  it("a change of only the Hindi is a change; accepting it keeps the English", async () => {
    const e = byName("Calm Under Pressure")!;
    expect((await proposeAs({ competencyId: e.id, name: e.name, description: e.description, nameHi: "दबाव में धैर्य", descriptionHi: e.descriptionHi! })).status).toBe(302);
    const p = getDb().select().from(dictionaryProposals).where(eq(dictionaryProposals.competencyId, e.id)).get()!;
    expect(await (await accept(p.id)).json()).toMatchObject({ ok: true });
    expect(byName("Calm Under Pressure")).toMatchObject({ name: "Calm Under Pressure", nameHi: "दबाव में धैर्य", descriptionHi: "कठिन समय में संयम रखता है।" });
  });

  it("refuses a proposal whose Hindi is too long, or that changes nothing, and writes nothing", async () => {
    const e = byName("Calm Under Pressure")!;
    await expectRefused(() => proposeAs({ parentId: selfAwareness, name: "Overlong", nameHi: "क".repeat(LIMITS.NAME_HI_MAX + 1) }), 400, /Hindi name is longer than 300/u);
    await expectRefused(() => proposeAs({ competencyId: e.id, name: e.name, description: e.description, nameHi: e.nameHi!, descriptionHi: e.descriptionHi! }), 400, /Nothing changed/u);
  });
});
