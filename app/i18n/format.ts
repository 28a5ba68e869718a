/**
 * Numbers and dates for people, through `Intl` in Indian English or Hindi: lakh/crore grouping
 * (46,00,000), dates and times in India Standard Time. One formatter per locale and style, cached.
 */
import { useTranslation } from "react-i18next";
import { DEFAULT_LANGUAGE, intlLocale, isLanguage, type Language } from "~/i18n/i18n";

const TIME_ZONE = "Asia/Kolkata";
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(lng: Language, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n|${lng}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(intlLocale(lng), options)));
  return f as Intl.NumberFormat;
}

function dateFormat(lng: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${lng}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(intlLocale(lng), { timeZone: TIME_ZONE, ...options })));
  return f as Intl.DateTimeFormat;
}

const toDate = (value: string | number | Date) => (value instanceof Date ? value : new Date(value));

/** A whole or decimal number with Indian grouping: 4600000 → "46,00,000". */
export function formatNumber(lng: Language, n: number, options?: Intl.NumberFormatOptions): string {
  return numberFormat(lng, options).format(n);
}

/** A calendar day in IST: "6 Dec 2026" / "6 दिस॰ 2026". */
export function formatDate(lng: Language, value: string | number | Date): string {
  return dateFormat(lng, { dateStyle: "medium" }).format(toDate(value));
}

/** A day and time in IST: "6 Dec 2026, 8:55 pm" / "6 दिस॰ 2026, 8:55 pm". */
export function formatDateTime(lng: Language, value: string | number | Date): string {
  return dateFormat(lng, { dateStyle: "medium", timeStyle: "short" }).format(toDate(value));
}

/** An instant to the second in IST, for audit logs: "6 Dec 2026, 8:55:07 pm". */
export function formatTimestamp(lng: Language, value: string | number | Date): string {
  return dateFormat(lng, { dateStyle: "medium", timeStyle: "medium" }).format(toDate(value));
}

/** A share as a percentage: 0.425 → "42.5%" (at most one decimal). */
export function formatPercent(lng: Language, share: number): string {
  return numberFormat(lng, { style: "percent", maximumFractionDigits: 1 }).format(share);
}

/** A list joined as the language joins it: "a, b and c" / "a, b, और c" (or "या" for a disjunction). */
export function formatList(lng: Language, items: string[], type: "conjunction" | "disjunction" = "conjunction"): string {
  return new Intl.ListFormat(intlLocale(lng), { style: "long", type }).format(items);
}

/** The formatters bound to the page's current language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lng: Language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  return {
    lng,
    number: (n: number, options?: Intl.NumberFormatOptions) => formatNumber(lng, n, options),
    date: (value: string | number | Date) => formatDate(lng, value),
    dateTime: (value: string | number | Date) => formatDateTime(lng, value),
    timestamp: (value: string | number | Date) => formatTimestamp(lng, value),
    percent: (share: number) => formatPercent(lng, share),
    list: (items: string[]) => formatList(lng, items),
  };
}
