import { describe, expect, it } from "vitest";
import { fixedT, getLanguage, getServerT, langCookieFor } from "~/utils/i18n.server";

const req = (url: string, headers: Record<string, string> = {}) => new Request(`http://localhost${url}`, { headers });

describe("choosing the language of a request", () => {
  it("is English when nothing says otherwise", async () => {
    expect(await getLanguage(req("/"))).toBe("en");
  });

  it("follows Accept-Language, with its weights", async () => {
    expect(await getLanguage(req("/", { "Accept-Language": "hi-IN,hi;q=0.9,en;q=0.8" }))).toBe("hi");
    expect(await getLanguage(req("/", { "Accept-Language": "en-IN,hi;q=0.5" }))).toBe("en");
    expect(await getLanguage(req("/", { "Accept-Language": "fr-FR,hi;q=0.3" }))).toBe("hi");
    expect(await getLanguage(req("/", { "Accept-Language": "fr-FR,de" }))).toBe("en");
    expect(await getLanguage(req("/", { "Accept-Language": "en;q=0.4, mr-IN, hi;q=0.8" }))).toBe("hi");
    expect(await getLanguage(req("/", { "Accept-Language": "hi;q=0, en;q=0.1" }))).toBe("en");
    expect(await getLanguage(req("/", { "Accept-Language": ";;,q=,*" }))).toBe("en");
  });

  it("lets the lang cookie win over Accept-Language", async () => {
    expect(await getLanguage(req("/", { Cookie: "session=abc; lang=hi", "Accept-Language": "en" }))).toBe("hi");
    expect(await getLanguage(req("/", { Cookie: "lang=en", "Accept-Language": "hi" }))).toBe("en");
  });

  it("lets ?lang= win over the cookie", async () => {
    expect(await getLanguage(req("/review?lang=hi", { Cookie: "lang=en" }))).toBe("hi");
    expect(await getLanguage(req("/?lang=en", { Cookie: "lang=hi", "Accept-Language": "hi" }))).toBe("en");
  });

  it("ignores a language it does not offer, in the URL or the cookie", async () => {
    expect(await getLanguage(req("/?lang=fr", { Cookie: "lang=<script>", "Accept-Language": "hi" }))).toBe("hi");
    expect(await getLanguage(req("/?lang=", { Cookie: "lang=" }))).toBe("en");
  });
});

describe("remembering ?lang= in the lang cookie", () => {
  it("sets a year-long, site-wide, SameSite=Lax cookie", () => {
    expect(langCookieFor(req("/frameworks/X?lang=hi"))).toBe("lang=hi; Path=/; Max-Age=31536000; SameSite=Lax");
  });

  it("marks it Secure behind HTTPS", () => {
    expect(langCookieFor(req("/?lang=en", { "X-Forwarded-Proto": "https" }))).toMatch(/; Secure$/u);
  });

  it("sets nothing without ?lang=, for an unknown language, or when the cookie already says it", () => {
    expect(langCookieFor(req("/"))).toBeNull();
    expect(langCookieFor(req("/?lang=de"))).toBeNull();
    expect(langCookieFor(req("/?lang=hi;%20Path=/evil"))).toBeNull();
    expect(langCookieFor(req("/?lang=hi", { Cookie: "lang=hi" }))).toBeNull();
  });
});

describe("the server-side t", () => {
  it("translates for a request's language", async () => {
    const t = await getServerT(req("/?lang=hi"));
    expect(t("nav.review")).toBe("समीक्षा");
    expect((await getServerT("en"))("nav.review")).toBe("Review");
  });

  it("interpolates and pluralises", () => {
    expect(fixedT("en")("nav.notificationsUnread", { count: 3 })).toBe("Notifications, 3 unread");
    expect(fixedT("hi")("error.status", { status: 404 })).toBe("त्रुटि 404");
  });
});
