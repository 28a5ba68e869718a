/**
 * Which language a request gets, and `t` for loaders, actions and e-mails.
 * Order: `?lang=hi|en` on the URL (which the response also remembers in the `lang` cookie), then
 * the `lang` cookie, then the browser's Accept-Language, then English.
 */
import type { TFunction } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import { resources } from "~/locales/resources.server";
import { createI18n, DEFAULT_LANGUAGE, DEFAULT_NAMESPACE, isLanguage, LANGUAGES, type Language } from "~/i18n/i18n";
import { provideCatalogue } from "~/i18n/catalogue";

// The server renders pages in every language: the root layout finds each one's messages through `catalogue`.
for (const lng of LANGUAGES) provideCatalogue(lng, resources[lng]);

export const LANG_COOKIE = "lang";
export const LANG_PARAM = "lang";
const ONE_YEAR_S = 365 * 24 * 3600;

/** The `lang` cookie's value when it names a language we offer (a plain value, not Remix's signed JSON). */
function fromCookie(request: Request): Language | null {
  const header = request.headers.get("Cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === LANG_COOKIE && isLanguage(value)) return value;
  }
  return null;
}

/**
 * The offered language the browser ranks highest in Accept-Language ("mr-IN, hi;q=0.8" → hi).
 * why not remix-i18next's "header" step: it looks only at the browser's first language, so a
 * Marathi or Tamil browser with Hindi second would get English.
 */
export function fromAcceptLanguage(header: string | null): Language | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { primary: tag.trim().split("-")[0].toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((r) => r.primary).find(isLanguage) ?? null;
}

const detector = new RemixI18Next({
  detection: {
    supportedLanguages: [...LANGUAGES],
    fallbackLanguage: DEFAULT_LANGUAGE,
    searchParamKey: LANG_PARAM,
    order: ["searchParams", "custom"],
    findLocale: async (request) => fromCookie(request) ?? fromAcceptLanguage(request.headers.get("Accept-Language")),
  },
});

/** The language this request is answered in. */
export async function getLanguage(request: Request): Promise<Language> {
  const lng = await detector.getLocale(request);
  return isLanguage(lng) ? lng : DEFAULT_LANGUAGE;
}

/** The language `?lang=` asks for, if it names one we offer. */
export function requestedLanguage(request: Request): Language | null {
  const value = new URL(request.url).searchParams.get(LANG_PARAM);
  return isLanguage(value) ? value : null;
}

/**
 * The Set-Cookie header that remembers `?lang=` (null when the URL names no language we offer or
 * the cookie already says it). Secure when the request came over HTTPS, as the session cookie is.
 */
export function langCookieFor(request: Request): string | null {
  const lng = requestedLanguage(request);
  if (!lng || fromCookie(request) === lng) return null;
  const proto = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
  return `${LANG_COOKIE}=${lng}; Path=/; Max-Age=${ONE_YEAR_S}; SameSite=Lax${proto === "https" ? "; Secure" : ""}`;
}

const instances = new Map<Language, ReturnType<typeof createI18n>>();

/**
 * A `t` fixed to a language (or a request's language) and a namespace, for loaders, actions and
 * e-mails. Instances are made once per language: the resources never change while running.
 */
export async function getServerT(requestOrLanguage: Request | Language, ns: string = DEFAULT_NAMESPACE): Promise<TFunction> {
  const lng = typeof requestOrLanguage === "string" ? requestOrLanguage : await getLanguage(requestOrLanguage);
  return fixedT(lng, ns);
}

/** The same `t`, synchronously, for a language already known. */
export function fixedT(lng: Language, ns: string = DEFAULT_NAMESPACE): TFunction {
  let instance = instances.get(lng);
  if (!instance) {
    instance = createI18n(lng, resources, false);
    instances.set(lng, instance);
  }
  return instance.getFixedT(lng, ns);
}
