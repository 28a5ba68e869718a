import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BilingualName } from "~/components/bilingual-name";
import { SourceText } from "~/components/insight/profile-page";
import type { ProfileSummary, SourceLabel } from "@schemas/position-profile";
import { useFormat } from "~/i18n/format";

export type ProfileListData = { mdo: { code: string; name: string }; source: SourceLabel; base: string; positions: ProfileSummary[] };

/** Every position of a framework with its roles, competencies and completeness, each a link to its profile. */
export function ProfileListPage({ data }: { data: ProfileListData }) {
  const { t } = useTranslation("profiles");
  const f = useFormat();
  const { mdo, source, base, positions } = data;
  return (
    <>
      <nav aria-label={t("common:breadcrumb")} className="breadcrumb">
        <Link to="/">{t("common:nav.frameworks")}</Link> <span aria-hidden="true">›</span> <Link to={base}>{source.kind === "draft" ? mdo.code : t("list.versionCrumb", { code: mdo.code, number: source.number })}</Link>{" "}
        <span aria-hidden="true">›</span> <span>{t("list.heading")}</span>
      </nav>
      <header className="page-header">
        <div>
          <h1>{t("list.headingOf", { name: mdo.name })}</h1>
          <p className="muted">
            <SourceText source={source} />
          </p>
        </div>
      </header>
      {positions.length === 0 ? (
        <p className="empty">{t("list.none")}</p>
      ) : (
        <div className="table-wide" tabIndex={0} role="region" aria-label={t("list.caption")}>
        <table className="profile-list">
          <caption className="sr-only">{t("list.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("common:kind.position")}</th>
              <th scope="col" className="num">{t("list.posts")}</th>
              <th scope="col" className="num">{t("list.roles")}</th>
              <th scope="col" className="num">{t("list.competencies")}</th>
              <th scope="col" className="num">{t("list.completeness")}</th>
            </tr>
          </thead>
          <tbody>
            {positions.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link to={`${base}/positions/${p.id}`}>
                    <BilingualName name={p.name} nameHi={p.nameHi} />
                  </Link>
                </th>
                <td className="num">{p.posts === null ? <span className="muted">{t("list.postsNotGiven")}</span> : f.number(p.posts)}</td>
                <td className="num">{p.roles}</td>
                <td className="num">{p.competencies}</td>
                <td className="num">{t("completeness.score", { score: p.score })}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </>
  );
}
