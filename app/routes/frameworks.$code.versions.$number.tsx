import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OutlineView } from "~/components/outline/outline-view";
import { StatusBadge } from "~/components/status-badge";
import { getMdoByCode } from "~/models/access/mdos.server";
import { getVersion } from "~/models/publication/versions.server";
import { requireUser } from "~/http/auth.server";
import { notFound } from "~/http/errors.server";
import { buildOutlineData } from "~/components/outline/outline-model";
import { useFormat } from "~/i18n/format";
import { completenessSummary, computeCompleteness } from "@schemas/completeness";
import { CompletenessPanel } from "~/components/insight/completeness-panel";
import { pageTitle } from "~/i18n/meta";
import { heatMapOf } from "@schemas/heatmap";
import { HeatMapView } from "~/components/cbc/heat-map";
import cbcStyles from "~/styles/cbc.css";
import { refusalText } from "~/i18n/refusal-text";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: cbcStyles }];

/** Past this many cells the page links to the heat map's own page instead of carrying it. */
const HEATMAP_CELLS_ON_PAGE = 20_000;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, "history:version.title", "Version", { code: data.mdo.code, number: data.version.number }) : pageTitle(matches, "framework:versions.version", "Version");

/** A published version: readable by every signed-in user. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const mdo = getMdoByCode({ code: params.code ?? "" });
  const number = Number(params.number);
  if (!mdo || !/^\d+$/.test(params.number ?? "")) throw notFound(refusalText("page.noSuchVersion"));
  const version = getVersion({ mdoId: mdo.id, number });
  if (!version) throw notFound(refusalText("page.noVersion", { name: mdo.name, number: String(params.number) }));
  const { text: _text, document, ...summary } = version;
  const map = heatMapOf(document);
  const heatmap = map.rows.length * map.columns.length <= HEATMAP_CELLS_ON_PAGE ? map : null;
  return json({ mdo: { code: mdo.code, name: mdo.name }, version: summary, outline: buildOutlineData(document), completeness: completenessSummary(computeCompleteness(document)), heatmap });
}

export default function VersionPage() {
  const { mdo, version, outline, completeness, heatmap } = useLoaderData<typeof loader>();
  const { t } = useTranslation("history");
  const f = useFormat();
  const base = `/frameworks/${mdo.code}/versions/${version.number}`;
  return (
    <>
      <nav aria-label={t("common:breadcrumb")} className="breadcrumb">
        <Link to="/">{t("common:nav.frameworks")}</Link> <span aria-hidden="true">›</span> <Link to={`/frameworks/${mdo.code}/versions`}>{t("diff.versionsOf", { code: mdo.code })}</Link>{" "}
        <span aria-hidden="true">›</span> <span>{t("framework:versions.versionN", { number: version.number })}</span>
      </nav>
      <header className="page-header">
        <div>
          <h1>
            {t("version.heading", { name: mdo.name, number: version.number })} <StatusBadge status="PUBLISHED" />
          </h1>
          <p className="muted">
            {t("version.published")} <time dateTime={version.publishedAt}>{f.dateTime(version.publishedAt)}</time>
            {version.approverName ? t("version.approvedBy", { name: version.approverName }) : ""}
            {version.verifierName ? t("version.verifiedBy", { name: version.verifierName }) : ""}
            {t("version.end")} sha256 <code className="small">{version.sha256.slice(0, 16)}…</code>
          </p>
        </div>
        <div className="header-actions">
          <Link to={`${base}/positions`} className="button">
            {t("profiles:link.profiles")}
          </Link>
          <Link to={`/frameworks/${mdo.code}/heatmap?version=${version.number}`} className="button">
            {t("cbc:heatmap.link")}
          </Link>
        </div>
      </header>
      <CompletenessPanel completeness={completeness} profileBase={`${base}/positions`} />
      <section aria-labelledby="version-heatmap" className="version-heatmap">
        <h2 id="version-heatmap">{t("cbc:heatmap.title")}</h2>
        <p className="muted small">{t("cbc:heatmap.intro")}</p>
        {heatmap ? <HeatMapView map={heatmap} /> : <p>{t("cbc:heatmap.tooLarge")}</p>}
        <p>
          <Link to={`/frameworks/${mdo.code}/heatmap?version=${version.number}`}>{t("cbc:heatmap.openPage")}</Link>
        </p>
      </section>
      <OutlineView data={outline} />
    </>
  );
}
