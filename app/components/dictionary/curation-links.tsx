/** The dictionary page's curation parts: links to add, propose and decide, and the retired entries (curators). */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

type Props = { curator: boolean; mayPropose: boolean; openProposals: number };

export function CurationLinks({ curator, mayPropose, openProposals }: Props) {
  const { t } = useTranslation("curation");
  if (!curator && !mayPropose) return null;
  return (
    <p className="curation-links">
      {curator ? (
        <>
          <Link to="/dictionary/new" className="button">
            {t("links.add")}
          </Link>{" "}
          <Link to="/dictionary/proposals" className="button">
            {t("links.queue", { count: openProposals })}
          </Link>
        </>
      ) : (
        <Link to="/dictionary/propose" className="button">
          {t("links.propose")}
        </Link>
      )}
    </p>
  );
}

type Retired = { id: string; name: string; type: string; code: string | null };

export function RetiredEntries({ entries }: { entries: Retired[] }) {
  const { t } = useTranslation("curation");
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="h-retired" className="dict-type">
      <h2 id="h-retired">{t("retiredList.heading")}</h2>
      <p className="muted">{t("retiredList.intro")}</p>
      <ul>
        {entries.map((e) => (
          <li key={e.id}>
            <Link to={`/dictionary/${e.id}`}>{e.name}</Link> {e.code ? <code className="small">{e.code}</code> : null}{" "}
            <span className="small muted">· {t(`common:competencyType.${e.type}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
