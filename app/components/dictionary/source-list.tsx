import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type SourceListItem = { id: string; title: string; creator: string; caseVersion: string | null; entries: number };

/** The outside frameworks read into the dictionary, each linking to its entries. */
export function SourceList({ sources }: { sources: SourceListItem[] }) {
  const { t } = useTranslation("dictionary-sources");
  if (sources.length === 0) return <p className="empty">{t("sources.none")}</p>;
  return (
    <ul className="source-list">
      {sources.map((s) => (
        <li key={s.id}>
          <Link to={`/dictionary/sources/${encodeURIComponent(s.id)}`}>{s.title}</Link>{" "}
          <span className="muted small">
            · {t("sources.entries", { count: s.entries })}
            {s.creator ? ` · ${s.creator}` : ""} · {t("sources.caseVersion", { version: s.caseVersion ?? "1.0" })}
          </span>
        </li>
      ))}
    </ul>
  );
}
