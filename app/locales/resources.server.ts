/**
 * Every message file of every language, bundled with the server (nothing is read from disk or
 * fetched at run time). Add one line per language when you add a namespace; a unit test fails
 * when a file in app/locales is missing here.
 */
import type { Resource } from "i18next";
import type { Language } from "~/utils/i18n";
import enCommon from "./en/common.json";
import hiCommon from "./hi/common.json";
import enDictionarySources from "./en/dictionary-sources.json";
import hiDictionarySources from "./hi/dictionary-sources.json";

/** All messages by language, then namespace. */
export const resources = {
  en: {
    common: enCommon,
    "dictionary-sources": enDictionarySources,
  },
  hi: {
    common: hiCommon,
    "dictionary-sources": hiDictionarySources,
  },
} satisfies Record<Language, Resource[string]>;
