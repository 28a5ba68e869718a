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

const grouping = new Map<string, Intl.NumberFormat>();

/**
 * How a message shows a value: a number is grouped as India groups it (2,464; 46,00,000), in
 * either language, so a count in a sentence reads like the counts in tables. An identifier that
 * only looks like a number (a year) is passed as a string and shown as given.
 */
function formatValue(value: unknown, format: string | undefined, lng: string | undefined): string {
  // why the cast: anything else goes back to i18next untouched, which turns it into text itself and must still see an undefined value as missing.
  if (typeof value !== "number" || format || !Number.isFinite(value)) return value as string;
  const locale = intlLocale(isLanguage(lng) ? lng : DEFAULT_LANGUAGE);
  let f = grouping.get(locale);
  if (!f) grouping.set(locale, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })));
  return f.format(value);
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
    // why alwaysFormat: every number in a message goes through Intl, not only those marked `{{n, number}}`.
    interpolation: { escapeValue: false, alwaysFormat: true, format: formatValue },
    // why: resources are in memory, so init finishes before the first render (no Suspense).
    initImmediate: false,
    react: { useSuspense: false },
    returnNull: false,
  });
  return instance;
}
