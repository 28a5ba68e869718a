import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "~/i18n/i18n";
import { localDescription, localName, otherName, type BilingualContent } from "~/i18n/content";

type Props = { name: string; nameHi?: string | null };

/** The page's language, as content helpers need it. */
export function usePageLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

/**
 * Content (a node's or an entry's name) in the page's language, the other language after it:
 * on a Hindi page the Hindi name leads when there is one, and English stands in when there is not.
 */
export function BilingualName({ name, nameHi }: Props) {
  return bilingualName({ name, nameHi }, usePageLanguage());
}

/**
 * `BilingualName` for a list that already knows the page's language: no hook per name. Why: the
 * outline of a ministry shows about 1,500 names, and asking i18next for the language in each was a
 * tenth of the page's render.
 */
export function bilingualName({ name, nameHi }: Props, lang: Language) {
  const shown = localName({ name, nameHi }, lang);
  const other = otherName({ name, nameHi }, lang);
  return (
    <>
      <span lang={shown.lang}>{shown.text}</span>
      {other ? (
        <span lang={other.lang} className={`other-language${other.lang === "hi" ? " hindi" : ""}`}>
          {" "}
          · {other.text}
        </span>
      ) : null}
    </>
  );
}

/**
 * A description in the page's language (the other language standing in); `both` adds the other
 * language's text after it where both are written. `empty` shows when neither is.
 */
export function BilingualDescription({ content, className, both, empty }: { content: BilingualContent; className?: string; both?: boolean; empty?: ReactNode }) {
  const lang = usePageLanguage();
  const shown = localDescription(content, lang);
  if (!shown) return <>{empty ?? null}</>;
  const other = both ? localDescription(content, shown.lang === "hi" ? "en" : "hi") : null;
  return (
    <>
      <p className={className} lang={shown.lang}>
        {shown.text}
      </p>
      {other && other.lang !== shown.lang ? (
        <p className={`other-language${other.lang === "hi" ? " hindi" : ""}${className ? ` ${className}` : ""}`} lang={other.lang}>
          {other.text}
        </p>
      ) : null}
    </>
  );
}
