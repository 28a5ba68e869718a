import { Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";

type Mapped = { id: string; relation: "exactMatch" | "broader" | "narrower" | "related"; sourceEntryId: string; statement: string; humanCodingScheme: string | null; sourceId: string; sourceTitle: string };

/** On a KCM entry's page: the outside entries curators have mapped to it. */
export function KcmMappings({ mappings }: { mappings: Mapped[] }) {
  const { t } = useTranslation("dictionary-sources");
  if (mappings.length === 0) return null;
  return (
    <>
      <h2>{t("entry.inOutside")}</h2>
      <ul className="mapping-list">
        {mappings.map((m) => (
          <li key={m.id}>
            <Trans
              t={t}
              i18nKey="entry.mappedFrom"
              values={{ statement: m.statement, source: m.sourceTitle, relation: t(`relation.${m.relation}`) }}
              components={{ anchor: <Link to={`/dictionary/${encodeURIComponent(m.sourceEntryId)}`} /> }}
            />{" "}
            {m.humanCodingScheme ? <code className="small">{m.humanCodingScheme}</code> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
