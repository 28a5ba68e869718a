// Authors propose Behavioural/Functional entries and changes; curators accept (the entry is created
// or changed, the proposal records it) or decline with a reason; the author is notified. Bad input
// and double decisions are refused with nothing written. Also: the admin grants and revokes curator.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { kcmId, userId } from "@db/ids";
import { competencies, dictionaryProposals, memberships } from "@db/schema";
import { mergeEntries } from "~/models/dictionary/curation.server";
import { listNotifications, mailOf } from "~/models/review/notices.server";
import { noticeSentence } from "~/models/review/notice-text.server";
import { searchEntries } from "~/models/search/search.server";
import { action as proposeAction, loader as proposeLoader } from "~/routes/dictionary.propose";
import { action as queueAction, loader as queueLoader } from "~/routes/dictionary.proposals";
import { action as usersAction } from "~/routes/admin.users";
import { expectRefused } from "../support/db-state";
import { getAs, postForm } from "../support/form-post";

const CURATOR = "curator@frac.test";
const AUTHOR = "author@frac.test";
const VIEWER = "viewer@frac.test";
const selfAwareness = kcmId("Behavioural", "Self-Awareness");
const proposeAs = (email: string, body: Record<string, string>) => postForm(proposeAction, email, "/dictionary/propose", { intent: "propose", ...body });
const decide = (body: Record<string, string>, email = CURATOR) => postForm(queueAction, email, "/dictionary/proposals", body);
const proposal = (name: string) => getDb().select().from(dictionaryProposals).where(eq(dictionaryProposals.name, name)).get()!;
const notices = (email: string) => listNotifications({ userId: userId(email) }).map((n) => n.message);
/** The newest notice of a user, as a Hindi reader sees it. */
const inHindi = (email: string) => {
  const [latest] = listNotifications({ userId: userId(email) });
  expect(latest.key).not.toBeNull();
  return noticeSentence("hi", latest.key!, latest.params!);
};

describe("proposals", () => {
  it("an author proposes a new sub-theme; curators are told; the curator accepts; the author is notified and the entry is searchable", async () => {
    const sent = await proposeAs(AUTHOR, { type: "Behavioural", parentId: selfAwareness, name: "Mindful Listening", description: "Listens without judging.", rationale: "Used in our grievance cell." });
    expect(sent.status).toBe(302);
    const p = proposal("Mindful Listening");
    expect(p).toMatchObject({ status: "open", type: "Behavioural", parentId: selfAwareness, competencyId: null });
    expect(notices(CURATOR)[0]).toMatch(/proposed “Mindful Listening”/u);
    expect(inHindi(CURATOR)).toMatch(/ने दक्षता शब्दकोश के लिए “Mindful Listening” का प्रस्ताव किया।$/u);
    expect(((await (await getAs(proposeLoader, AUTHOR, "/dictionary/propose")).json()) as { mine: { id: string; status: string }[] }).mine[0]).toMatchObject({ id: p.id, status: "open" });

    const res = await decide({ intent: "accept", proposalId: p.id, reason: "" });
    expect(await res.json()).toMatchObject({ ok: true });
    const accepted = proposal("Mindful Listening");
    const entry = getDb().select().from(competencies).where(eq(competencies.name, "Mindful Listening")).get()!;
    expect(accepted).toMatchObject({ status: "accepted", resultId: entry.id, decidedBy: userId(CURATOR) });
    expect(entry).toMatchObject({ parentId: selfAwareness, mdoId: null, status: "active" });
    expect(notices(AUTHOR)[0]).toBe("Your proposal of “Mindful Listening” was accepted: it is now in the competency dictionary.");
    expect(inHindi(AUTHOR)).toBe("“Mindful Listening” का आपका प्रस्ताव स्वीकार किया गया: यह अब दक्षता शब्दकोश में है।");
    const [decided] = listNotifications({ userId: userId(AUTHOR) });
    const mail = mailOf(decided, "https://frac.example");
    expect(mail.subject).toBe("Your proposal of “Mindful Listening” was accepted: it is now in the competency dictionary. / “Mindful Listening” का आपका प्रस्ताव स्वीकार किया गया: यह अब दक्षता शब्दकोश में है।");
    expect(mail.text).toContain(`https://frac.example/dictionary/${entry.id}`);
    expect(searchEntries({ query: "mindful", viewer: { mdoIds: [], allMdos: false } }).map((h) => h.id)).toContain(entry.id);
    await expectRefused(() => decide({ intent: "decline", proposalId: p.id, reason: "Changed my mind." }), 409, /already accepted/u);
  });

  it("a change is proposed and declined with a reason the author reads; declining without one is refused", async () => {
    const entry = getDb().select().from(competencies).where(eq(competencies.code, "BEH-001")).get()!;
    expect((await proposeAs(AUTHOR, { competencyId: entry.id, type: "Behavioural", name: "Self Analysis", description: entry.description })).status).toBe(302);
    const p = proposal("Self Analysis");
    expect(p).toMatchObject({ competencyId: entry.id, status: "open" });
    await expectRefused(() => decide({ intent: "decline", proposalId: p.id, reason: "  " }), 400, /Say why/u);
    expect(await (await decide({ intent: "decline", proposalId: p.id, reason: "The KCM spells it with a hyphen." })).json()).toMatchObject({ ok: true });
    expect(notices(AUTHOR)[0]).toBe("Your proposal of the change to “Self Analysis” was declined: The KCM spells it with a hyphen.");
    expect(inHindi(AUTHOR)).toBe("“Self Analysis” में परिवर्तन का आपका प्रस्ताव अस्वीकार किया गया: The KCM spells it with a hyphen.");
    expect(getDb().select().from(competencies).where(eq(competencies.id, entry.id)).get()!.name).toBe(entry.name);
  });

  it("accepting a change renames the entry", async () => {
    const entry = getDb().select().from(competencies).where(eq(competencies.name, "Mindful Listening")).get()!;
    await proposeAs(AUTHOR, { competencyId: entry.id, type: "Behavioural", name: "Mindful Listening", description: "Listens fully, without judging." });
    const p = getDb().select().from(dictionaryProposals).where(eq(dictionaryProposals.competencyId, entry.id)).get()!;
    expect(await (await decide({ intent: "accept", proposalId: p.id, reason: "Thanks." })).json()).toMatchObject({ ok: true });
    expect(getDb().select().from(competencies).where(eq(competencies.id, entry.id)).get()!.description).toBe("Listens fully, without judging.");
    expect(notices(AUTHOR)[0]).toBe("Your proposal of the change to “Mindful Listening” was accepted: it is now in the competency dictionary. Thanks.");
    expect(inHindi(AUTHOR)).toBe("“Mindful Listening” में परिवर्तन का आपका प्रस्ताव स्वीकार किया गया: यह अब दक्षता शब्दकोश में है। Thanks.");
  });

  it("refuses bad proposals with a clear message and writes nothing", async () => {
    await expectRefused(() => proposeAs(AUTHOR, { type: "Domain", name: "Customs valuation" }), 400, /Behavioural or Functional/u);
    await expectRefused(() => proposeAs(AUTHOR, { type: "Behavioural", name: "" }), 400, /Give the entry a name/u);
    await expectRefused(() => proposeAs(AUTHOR, { type: "Behavioural", name: "n".repeat(301) }), 400, /longer than 300/u);
    await expectRefused(() => proposeAs(AUTHOR, { type: "Behavioural", name: "Reasoned", rationale: "r".repeat(2001) }), 400, /reason is longer/u);
    await expectRefused(() => proposeAs(AUTHOR, { type: "Behavioural", parentId: crypto.randomUUID(), name: "Orphan" }), 400, /not in the shared dictionary/u);
    await expectRefused(() => proposeAs(AUTHOR, { competencyId: crypto.randomUUID(), type: "Behavioural", name: "Ghost" }), 404, /No such entry/u);
    const domain = getDb().select().from(competencies).where(eq(competencies.type, "Domain")).get();
    if (domain) await expectRefused(() => proposeAs(AUTHOR, { competencyId: domain.id, type: "Behavioural", name: "Shared now" }), 404, /No such entry/u);

    // A merged entry and a retired one cannot be changed.
    const scaleId = getDb().select().from(competencies).where(eq(competencies.id, selfAwareness)).get()!.scaleId;
    const dup = crypto.randomUUID();
    const gone = crypto.randomUUID();
    getDb().insert(competencies).values([
      { id: dup, type: "Behavioural", name: "Self Awareness (copy)", scaleId },
      { id: gone, type: "Behavioural", name: "Old entry", scaleId, status: "retired" },
    ]).run();
    expect(mergeEntries({ duplicateId: dup, survivorId: selfAwareness, actorId: userId(CURATOR) })).toEqual({ ok: true });
    await expectRefused(() => proposeAs(AUTHOR, { competencyId: dup, type: "Behavioural", name: "Renamed copy" }), 409, /merged into another entry/u);
    await expectRefused(() => proposeAs(AUTHOR, { competencyId: gone, type: "Behavioural", name: "Renamed old" }), 409, /retired/u);
    await expectRefused(() => decide({ intent: "accept", proposalId: crypto.randomUUID(), reason: "" }), 404, /No such proposal/u);
    await expectRefused(() => decide({ intent: "accept", proposalId: "not-a-uuid", reason: "" }), 400, /not a proposal/u);
  });

  it("accepting refuses, writing nothing, when the parent was retired since", async () => {
    const parent = getDb().select().from(competencies).where(eq(competencies.code, "FUN-076")).get()!;
    const theme = parent.parentId ?? parent.id;
    await proposeAs(AUTHOR, { type: "Functional", parentId: theme, name: "Late sub-theme" });
    const p = proposal("Late sub-theme");
    getDb().update(competencies).set({ status: "retired" }).where(eq(competencies.id, theme)).run();
    await expectRefused(() => decide({ intent: "accept", proposalId: p.id, reason: "" }), 409, /retired/u);
    getDb().update(competencies).set({ status: "active" }).where(eq(competencies.id, theme)).run();
  });

  it("only curators see the queue and decide; only authors and curators propose", async () => {
    expect((await getAs(queueLoader, AUTHOR, "/dictionary/proposals")).status).toBe(404);
    expect((await getAs(proposeLoader, VIEWER, "/dictionary/propose")).status).toBe(404);
    const open = getDb().select().from(dictionaryProposals).where(eq(dictionaryProposals.status, "open")).get()!;
    await expectRefused(() => decide({ intent: "accept", proposalId: open.id, reason: "" }, AUTHOR), 404, /no such page/u);
    await expectRefused(() => proposeAs(VIEWER, { type: "Behavioural", name: "From a viewer" }), 404, /no such page/u);
  });
});

describe("the curator role on the admin's users page", () => {
  const grant = (value: "1" | "0") => postForm(usersAction, "admin@frac.test", "/admin/users", { intent: "curator", userId: userId(VIEWER), grant: value });
  const isCurator = () => getDb().select().from(memberships).where(eq(memberships.userId, userId(VIEWER))).all().some((m) => m.role === "curator" && m.mdoId === null);

  it("grants and revokes curator; granting twice or revoking a non-curator is refused", async () => {
    expect(await (await grant("1")).json()).toMatchObject({ ok: true, account: { message: "viewer@frac.test is now a curator." } });
    expect(isCurator()).toBe(true);
    expect((await grant("1")).status).toBe(409);
    expect(await (await grant("0")).json()).toMatchObject({ ok: true, account: { message: "viewer@frac.test is no longer a curator." } });
    expect(isCurator()).toBe(false);
    expect((await grant("0")).status).toBe(409);
    expect((await postForm(usersAction, CURATOR, "/admin/users", { intent: "curator", userId: userId(VIEWER), grant: "1" })).status).toBe(403);
    expect(isCurator()).toBe(false);
  });
});
