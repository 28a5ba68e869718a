/**
 * The languages of the interface and the one i18next set-up that server and browser share.
 * Messages live in app/locales/<language>/<namespace>.json; see "Translating" in the README.
 */
import { createInstance, type i18n, type Resource } from "i18next";
import { initReactI18next } from "react-i18next";

/** The languages a person can choose, the first being the default. */
export const LANGUAGES = ["en", "hi"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "en";
/** The namespace `t` uses when a key names none. */
export const DEFAULT_NAMESPACE = "common";

/** Whether a string (a cookie, a query parameter) names a language we offer. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The BCP 47 locale `Intl` formats with: Indian English and Hindi, both with lakh/crore grouping. */
export function intlLocale(lng: Language): "en-IN" | "hi-IN" {
  return lng === "hi" ? "hi-IN" : "en-IN";
}

/**
 * A ready i18next instance for one language, initialised synchronously from resources already in
 * memory (no backend, no fetch): the server bundles every language, the browser gets the chosen
 * one through the root loader.
 */
export function createI18n(lng: Language, resources: Resource, react = true): i18n {
  const instance = createInstance();
  if (react) instance.use(initReactI18next);
  void instance.init({
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    resources,
    ns: Object.keys(resources[lng] ?? {}),
    defaultNS: DEFAULT_NAMESPACE,
    // why: React escapes text already; escaping here would show &amp; to the reader.
    interpolation: { escapeValue: false },
    // why: resources are in memory, so init finishes before the first render (no Suspense).
    initImmediate: false,
    react: { useSuspense: false },
    returnNull: false,
  });
  return instance;
}
