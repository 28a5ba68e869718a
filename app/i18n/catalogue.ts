/**
 * Where a page finds its language's messages. The server has every language in memory
 * (i18n.server.ts puts them here when it loads); the browser gets the page's one language from a
 * script the page names (`/resources/messages/LANG.HASH.js`), which sets the same global before the
 * app's modules run. Why not in the root loader's data: the catalogue is 80–100 KB, and every page
 * sent it again inside its HTML, where the server serialised, parsed and escaped it on every request
 * (the outline page under load, issue 17). A script whose name carries its content's hash is fetched
 * once and then kept by the browser for as long as that content stays the same.
 */
import type { i18n, Resource } from "i18next";
import { createI18n, LANGUAGES, type Language } from "./i18n";

type Catalogues = Partial<Record<Language, Resource[string]>>;

declare global {
  var __fracMessages: Catalogues | undefined;
}

/** The messages of one language (every namespace), or null where this side of the app does not have them. */
export function catalogue(lng: Language): Resource[string] | null {
  return globalThis.__fracMessages?.[lng] ?? null;
}

/** Makes a language's messages available to `catalogue` (the server calls this for every language). */
export function provideCatalogue(lng: Language, messages: Resource[string]): void {
  globalThis.__fracMessages = { ...globalThis.__fracMessages, [lng]: messages };
}

const instances = new Map<Language, i18n>();

/**
 * One i18next instance per language, made from its messages and kept (they never change while the
 * app runs): the layout's and the `meta` functions'. Null where the language's messages are not at hand.
 */
export function catalogueI18n(lng: Language): i18n | null {
  let instance = instances.get(lng);
  if (!instance) {
    const messages = catalogue(lng);
    if (!messages) return null;
    instances.set(lng, (instance = createI18n(lng, { [lng]: messages })));
  }
  return instance;
}

/** In the browser, the language whose messages script this page loaded (null on the server, where every language is at hand). */
export function loadedLanguage(): Language | null {
  if (typeof document === "undefined") return null;
  return LANGUAGES.find((l) => catalogue(l)) ?? null;
}
