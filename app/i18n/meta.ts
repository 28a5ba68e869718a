import type { i18n } from "i18next";
import { DEFAULT_LANGUAGE, isLanguage } from "~/i18n/i18n";
import { catalogueI18n } from "~/i18n/catalogue";

type Match = { id: string; data: unknown };

/** The i18next instance for `meta` functions, which run outside React: the root loader's language, when its messages are at hand. */
function instanceFrom(matches: Match[]): i18n | null {
  const root = matches.find((m) => m.id === "root")?.data as { lng?: unknown } | undefined;
  if (!root) return null;
  return catalogueI18n(isLanguage(root.lng) ? root.lng : DEFAULT_LANGUAGE);
}

/**
 * A page's <title> in the page's language: the translated text, then " · FRAC Studio".
 * `key` is "namespace:key"; without the root loader's data (an error page) it says `fallback`.
 */
export function pageTitle(matches: Match[], key: string, fallback: string, values?: Record<string, unknown>): { title: string }[] {
  const i18n = instanceFrom(matches);
  const text = i18n ? i18n.t(key, values ?? {}) : fallback;
  const app = i18n ? i18n.t("common:appName") : "FRAC Studio";
  return [{ title: `${text} · ${app}` }];
}
