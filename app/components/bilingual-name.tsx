import { useTranslation } from "react-i18next";

type Props = { name: string; nameHi?: string | null };

/**
 * Content (a node's or an entry's name) in the page's language, the other language after it:
 * on a Hindi page the Hindi name leads when there is one, and English stands in when there is not.
 */
export function BilingualName({ name, nameHi }: Props) {
  const { i18n } = useTranslation();
  const hi = nameHi?.trim();
  if (!hi) return <>{name}</>;
  if (i18n.language === "hi") {
    return (
      <>
        <span lang="hi">{hi}</span>
        <span lang="en" className="other-language"> · {name}</span>
      </>
    );
  }
  return (
    <>
      {name}
      <span lang="hi" className="hindi other-language"> · {hi}</span>
    </>
  );
}
