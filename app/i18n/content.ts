/**
 * Content (what authors wrote, not the interface) in the reader's language: a node's or a
 * dictionary entry's name and description in the chosen language, the other language standing in
 * where the chosen one is empty. One rule for every page (docs/decisions/026).
 */
import type { Language } from "~/i18n/i18n";

/** Something with a name and a description in English and, optionally, in Hindi. */
export type BilingualContent = {
  name: string;
  nameHi?: string | null;
  description?: string | null;
  descriptionHi?: string | null;
};

/** A text and the language it is written in (for the element's `lang`). */
export type LocalText = { text: string; lang: Language };

/** The text in `lang` when there is one, else the other language's; null when both are empty. */
function pick(en: string | null | undefined, hi: string | null | undefined, lang: Language): LocalText | null {
  const english = en?.trim() ? en : null;
  const hindi = hi?.trim() ? hi : null;
  if (lang === "hi") return hindi ? { text: hindi, lang: "hi" } : english ? { text: english, lang: "en" } : null;
  return english ? { text: english, lang: "en" } : hindi ? { text: hindi, lang: "hi" } : null;
}

/** The name to show on a page in `lang`: the Hindi name on a Hindi page where there is one, else the English name. */
export function localName(content: BilingualContent, lang: Language): LocalText {
  return pick(content.name, content.nameHi, lang) ?? { text: content.name, lang: "en" };
}

/** The name in the other language, shown after the local one; null when there is none (or it is the same text). */
export function otherName(content: BilingualContent, lang: Language): LocalText | null {
  const shown = localName(content, lang);
  const other = pick(content.name, content.nameHi, shown.lang === "hi" ? "en" : "hi");
  return other && other.lang !== shown.lang ? other : null;
}

/** The description to show in `lang`, with the other language as the fallback; null when neither is written. */
export function localDescription(content: BilingualContent, lang: Language): LocalText | null {
  return pick(content.description, content.descriptionHi, lang);
}
