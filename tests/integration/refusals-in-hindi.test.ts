// A refusal is said in the reader's language on a page (?lang=hi or the lang cookie), while the
// English answer, which scripts and the CLI read, stays word for word what it was.
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@db/seed";
import { handleEditorAction } from "~/routes/frameworks.$code.edit/editor-action.server";
import { action as importAction } from "~/routes/frameworks.$code.import";
import { action as passwordAction } from "~/routes/account.password";
import { action as addEntryAction } from "~/routes/dictionary.new";
import { applyEditOps } from "~/models/draft-save/save.server";
import { AUTHOR, authorId, expectNothingWritten, ministry, newNode, saveBody, snapshot } from "../factories/edit-ops";
import { databaseRows } from "../support/db-state";
import { requestAs } from "../support/request";

const DEVANAGARI = /[\u0900-\u097F]/u;

/** The same request in Hindi by the `lang` cookie, beside the session cookie requestAs set. */
function withLangCookie(request: Request): Request {
  const headers = new Headers(request.headers);
  headers.set("Cookie", `${headers.get("Cookie") ?? ""}; lang=hi`);
  return new Request(request, { headers });
}

const editorPost = (query: string, body: unknown) =>
  requestAs(AUTHOR, `/frameworks/CBIC/edit${query}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

describe("an editor save against a stale revision", () => {
  it("is refused in Hindi for a Hindi reader, in the same English as before for everyone else, writing nothing", async () => {
    const base = ministry("CBIC").revision;
    expect(applyEditOps({ mdoId: ministry("CBIC").mdoId, userId: authorId, baseRevision: base, ops: [newNode("role", "Saved first")] }).ok).toBe(true);
    const before = snapshot();

    const english = await handleEditorAction(await editorPost("", saveBody(base, [newNode("role", "Late")])), "CBIC");
    const englishBody = await english.json();
    expect(english.status).toBe(409);
    expect(englishBody).toMatchObject({ ok: false, code: "draft.staleSelf", currentRevision: base + 1 });
    expect(englishBody.message).toMatch(/^You saved this framework in another tab or window on .+ IST, after this editor loaded it \(revision \d+; it is now at revision \d+\)\. Nothing was saved: reload to see those changes\.$/u);

    for (const request of [await editorPost("?lang=hi", saveBody(base, [newNode("role", "Late")])), withLangCookie(await editorPost("", saveBody(base, [newNode("role", "Late")])))]) {
      const hindi = await handleEditorAction(request, "CBIC");
      const body = await hindi.json();
      expect(hindi.status).toBe(409);
      expect(body).toMatchObject({ ok: false, code: "draft.staleSelf", currentRevision: base + 1 });
      expect(body.message).toContain("कुछ भी सहेजा नहीं गया");
      expect(body.message).toContain(`संशोधन ${base}`);
      expect(body.message).not.toMatch(/Nothing was saved/u);
    }
    expectNothingWritten(before);
  });
});

describe("an import of a file that cannot be read", () => {
  const post = async (query: string, file: File) => {
    const form = new FormData();
    form.set("intent", "preview");
    form.set("file", file);
    const response = await importAction({ request: await requestAs(AUTHOR, `/frameworks/CBIC/import${query}`, { method: "POST", body: form }), params: { code: "CBIC" }, context: {} });
    return { status: response.status, body: (await response.json()) as { ok: boolean; message: string } };
  };

  it("says what is wrong in Hindi, and the English answer is unchanged", async () => {
    const before = databaseRows();
    expect(await post("", new File([""], "frac.csv"))).toEqual({ status: 400, body: { ok: false, message: "The file is empty." } });
    expect(await post("?lang=hi", new File([""], "frac.csv"))).toEqual({ status: 400, body: { ok: false, message: "फ़ाइल खाली है।" } });
    const xls = new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])], "frac.xls");
    const hindi = await post("?lang=hi", xls);
    expect(hindi.status).toBe(400);
    expect(hindi.body.message).toBe("यह पुरानी Excel .xls वर्कबुक है। इसे Excel या LibreOffice में खोलकर .xlsx या CSV UTF-8 के रूप में सहेजें, फिर वह फ़ाइल आयात करें।");
    expect(databaseRows()).toEqual(before);
  });
});

describe("the password policy", () => {
  const post = async (query: string, fields: Record<string, string>) => {
    const request = await requestAs("author@frac.test", `/account/password${query}`, { method: "POST", body: new URLSearchParams(fields) });
    const response = await passwordAction({ request, params: {}, context: {} });
    return { status: response.status, body: (await response.json()) as { fieldErrors: Record<string, string[]> } };
  };

  it("refuses a short or guessable password in Hindi, naming why; English as before", async () => {
    const before = databaseRows();
    const short = { currentPassword: DEMO_PASSWORD, newPassword: "chai-time", confirmPassword: "chai-time" };
    expect(await post("", short)).toEqual({ status: 400, body: { fieldErrors: { newPassword: ["Use at least 12 characters (this one has 9)."] } } });
    expect(await post("?lang=hi", short)).toEqual({ status: 400, body: { fieldErrors: { newPassword: ["कम से कम 12 अक्षरों का पासवर्ड रखें (इसमें 9 हैं)।"] } } });

    const guessable = { currentPassword: DEMO_PASSWORD, newPassword: "qwertyuiop1234", confirmPassword: "qwertyuiop1234" };
    const english = await post("", guessable);
    expect(english.body.fieldErrors.newPassword[0]).toMatch(/^Choose a different password: it is .+\. A few unrelated words make a strong one\.$/u);
    const hindi = await post("?lang=hi", guessable);
    expect(hindi.status).toBe(400);
    expect(hindi.body.fieldErrors.newPassword[0]).toMatch(/^कोई अन्य पासवर्ड चुनें: .+। कुछ असंबंधित शब्दों को मिलाकर मज़बूत पासवर्ड बनता है।$/u);
    expect(hindi.body.fieldErrors.newPassword[0]).not.toMatch(/[a-z]{3}/u);

    const wrongCurrent = await post("?lang=hi", { currentPassword: "not-the-password", newPassword: "tamarind monsoon ledger", confirmPassword: "tamarind monsoon ledger" });
    expect(wrongCurrent.body.fieldErrors.currentPassword).toEqual(["आपका वर्तमान पासवर्ड सही नहीं है।"]);
    expect(databaseRows()).toEqual(before);
  });
});

describe("a curator's refused entry", () => {
  const post = async (query: string, fields: Record<string, string>) => {
    const request = await requestAs("curator@frac.test", `/dictionary/new${query}`, { method: "POST", body: new URLSearchParams({ intent: "add", ...fields }) });
    const response = await addEntryAction({ request, params: {}, context: {} });
    return { status: response.status, body: (await response.json()) as { ok: boolean; message: string; fieldErrors: Record<string, string[]> } };
  };

  it("names the clash in Hindi and keeps the English sentence for English readers", async () => {
    const before = databaseRows();
    const clash = { type: "Behavioural", name: "Decision Making", description: "" };
    const english = await post("", clash);
    expect(english.status).toBe(409);
    expect(english.body).toMatchObject({ ok: false, message: "“Decision Making” is already in the dictionary as a Behavioural theme.", fieldErrors: { name: ["“Decision Making” is already in the dictionary as a Behavioural theme."] } });
    const hindi = await post("?lang=hi", clash);
    expect(hindi.status).toBe(409);
    expect(hindi.body.message).toBe("“Decision Making” शब्दकोश में व्यवहारात्मक विषय के रूप में पहले से है।");
    expect(hindi.body.fieldErrors.name).toEqual([hindi.body.message]);
    expect(databaseRows()).toEqual(before);
  });

  it("says a form's problems in Hindi, naming the field", async () => {
    const missingName = await post("?lang=hi", { type: "Behavioural", name: "   ", description: "" });
    expect(missingName.status).toBe(400);
    expect(missingName.body.fieldErrors.name).toEqual(["नाम आवश्यक है।"]);
    const tooLong = await post("?lang=hi", { type: "Behavioural", name: "x".repeat(5000), description: "" });
    expect(tooLong.body.fieldErrors.name?.[0]).toMatch(/^नाम में अधिकतम \d+ अक्षर हो सकते हैं।$/u);
    const wrongType = await post("?lang=hi", { type: "Domain", name: "Anything", description: "" });
    expect(wrongType.body.fieldErrors.type?.[0]).toMatch(DEVANAGARI);
    const english = await post("", { type: "Behavioural", name: "   ", description: "" });
    expect(english.body.fieldErrors.name).toEqual(["Give the entry a name."]);
  });
});

describe("a page's not-found answer", () => {
  it("carries the English sentence for machines and its key and params for the error page to say in the reader's language", async () => {
    const { loader } = await import("~/routes/frameworks.$code.versions.$number");
    const thrown = await loader({ request: await requestAs(AUTHOR, "/frameworks/CBIC/versions/99?lang=hi"), params: { code: "CBIC", number: "99" }, context: {} }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      message: "Central Board of Indirect Taxes and Customs (CBIC) has no version 99.",
      code: "page.noVersion",
      params: { name: "Central Board of Indirect Taxes and Customs (CBIC)", number: "99" },
    });
  });
});
