import { useTranslation } from "react-i18next";
import type { Finding } from "@schemas/findings";
import { formatList } from "~/i18n/format";
import { isLanguage } from "~/i18n/i18n";

/**
 * A validator finding in the page's language. English shows the finding's own message (what the
 * API and the CLI print); another language builds it from the code and params when the finding
 * carries them, and otherwise shows the English message marked as English.
 */
export function FindingMessage({ finding }: { finding: Finding }) {
  const { t, i18n } = useTranslation("findings");
  const lng = i18n.language;
  const key = `code.${finding.code}`;
  const p = finding.params;
  if (lng === "en" || !isLanguage(lng)) return <>{finding.message}</>;
  if (!p || !i18n.exists(`findings:${key}`)) return <span lang="en">{finding.message}</span>;
  const kind = (k: string | number | undefined) => t(`common:kind.${String(k)}`);
  const values = {
    ...p,
    kind: kind(p.kind),
    node: t("node", { kind: kind(p.kind), name: p.name ?? "" }),
    other: p.otherKind ? t("node", { kind: kind(p.otherKind), name: p.otherName ?? "" }) : "",
    parents: typeof p.parents === "string" ? formatList(lng, p.parents.split("|").map(kind), "disjunction") : "",
  };
  return <>{t(key, values)}</>;
}
