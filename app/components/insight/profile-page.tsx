import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BilingualName } from "~/components/bilingual-name";
import { ProfileView } from "~/components/insight/profile-view";
import { useFormat } from "~/i18n/format";
import type { PositionProfile, SourceLabel } from "@schemas/position-profile";
export type ProfilePageData = {
  mdo: { code: string; name: string };
  source: SourceLabel;
  base: string;
  profile: PositionProfile & { score: number };
};

/** What a framework's source is, in words: "Working draft, revision 12" or "Version 2, published 6 Dec 2026". */
export function SourceText({ source }: { source: SourceLabel }) {
  const { t } = useTranslation("profiles");
  const f = useFormat();
  if (source.kind === "draft") return <>{t("source.draft", { revision: source.revision })}</>;
  return <>{source.publishedAt ? t("source.version", { number: source.number, date: f.date(source.publishedAt) }) : t("source.versionOnly", { number: source.number })}</>;
}

/** One position's profile page, the same for the draft and a published version. */
export function ProfilePage({ data }: { data: ProfilePageData }) {
  const { t } = useTranslation("profiles");
  const f = useFormat();
  const { mdo, source, base, profile } = data;
  const p = profile.position;
  return (
    <article className="profile">
      <nav aria-label={t("common:breadcrumb")} className="breadcrumb no-print">
        <Link to="/">{t("common:nav.frameworks")}</Link> <span aria-hidden="true">›</span> <Link to={base}>{source.kind === "draft" ? mdo.code : t("list.versionCrumb", { code: mdo.code, number: source.number })}</Link>{" "}
        <span aria-hidden="true">›</span> <Link to={`${base}/positions`}>{t("list.heading")}</Link> <span aria-hidden="true">›</span> <span>{p.name}</span>
      </nav>
      <header className="page-header profile-header">
        <div>
          <p className="panel-kind">{t("profile.kicker")}</p>
          <h1>
            <BilingualName name={p.name} nameHi={p.nameHi} />
          </h1>
          <p className="muted">
            {mdo.name} · <SourceText source={source} />
          </p>
        </div>
        <div className="header-actions no-print">
          <button type="button" className="button" onClick={() => window.print()}>
            {t("profile.print")}
          </button>
        </div>
        <dl className="counts" aria-label={t("profile.facts")}>
          <div><dt>{t("profile.sanctionedPosts")}</dt><dd>{p.sanctionedPosts === undefined ? t("common:none") : f.number(p.sanctionedPosts)}</dd></div>
          <div><dt>{t("list.roles")}</dt><dd>{profile.roles.length}</dd></div>
          <div><dt>{t("list.competencies")}</dt><dd>{profile.competencies.length}</dd></div>
          <div><dt>{t("list.completeness")}</dt><dd>{t("completeness.score", { score: profile.score })}</dd></div>
        </dl>
      </header>
      {p.description ? <p className="profile-description">{p.description}</p> : null}
      <ProfileView profile={profile} />
      <p className="print-only small muted">{t("profile.printedFrom", { code: mdo.code })} <SourceText source={source} /></p>
    </article>
  );
}
