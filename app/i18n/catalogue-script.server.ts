/**
 * The script that gives the browser one language's messages, and its name: the language and a hash
 * of the script's text, so a page can let the browser keep it for a year (a changed catalogue gets
 * a new name, and pages name the new one at once).
 */
import crypto from "node:crypto";
import { isLanguage, type Language } from "./i18n";
import { catalogue } from "./catalogue";

type Script = { file: string; text: string };
const scripts = new Map<Language, Script>();

/** The URL path every catalogue script is served under. */
export const CATALOGUE_PATH = "/resources/messages/";

function scriptOf(lng: Language): Script {
  let script = scripts.get(lng);
  if (!script) {
    const messages = catalogue(lng);
    if (!messages) throw new Error(`no messages are loaded for "${lng}"`);
    // why JSON as the literal: JSON is valid JavaScript, and the name is a fixed identifier, so nothing from the messages runs.
    const text = `(globalThis.__fracMessages = globalThis.__fracMessages || {})[${JSON.stringify(lng)}] = ${JSON.stringify(messages)};\n`;
    const hash = crypto.createHash("sha256").update(text).digest("hex").slice(0, 16);
    scripts.set(lng, (script = { file: `${lng}.${hash}.js`, text }));
  }
  return script;
}

/** The path a page names to load a language's messages. */
export function catalogueSrc(lng: Language): string {
  return `${CATALOGUE_PATH}${scriptOf(lng).file}`;
}

/** The script's text for a file name the pages give out (`hi.<hash>.js`), or null for any other name. */
export function catalogueScript(file: string): string | null {
  const lng = /^([a-z]{2})\.[0-9a-f]{16}\.js$/u.exec(file)?.[1];
  if (!isLanguage(lng)) return null;
  const script = scriptOf(lng);
  return script.file === file ? script.text : null;
}
