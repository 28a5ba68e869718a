import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OutlineView } from "~/components/outline/outline-view";
import { StatusBadge } from "~/components/status-badge";
import { getMdoByCode } from "~/models/access/mdos.server";
import { getVersion } from "~/models/publication/versions.server";
import { requireUser } from "~/http/auth.server";
import { notFound } from "~/http/errors.server";
import { buildOutline } from "~/components/outline/outline-model";
import { useFormat } from "~/i18n/format";
import { computeCompleteness } from "@schemas/completeness";
import { CompletenessPanel } from "~/components/insight/completeness-panel";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, "history:version.title", "Version", { code: data.mdo.code, number: data.version.number }) : pageTitle(matches, "framework:versions.version", "Version");

/** A published version: readable by every signed-in user. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const mdo = getMdoByCode({ code: params.code ?? "" });
  const number = Number(params.number);
  if (!mdo || !/^\d+$/.test(params.number ?? "")) throw notFound("No such version.");
  const version = getVersion({ mdoId: mdo.id, number });
  if (!version) throw notFound(`${mdo.name} has no version ${params.number}.`);
  const { text: _text, document, ...summary } = version;
  return json({ mdo: { code: mdo.code, name: mdo.name }, version: summary, outline: buildOutline(document), completeness: computeCompleteness(document) });
}

export default function VersionPage() {
  const { mdo, version, outline, completeness } = useLoaderData<typeof loader>();
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
        </div>
      </header>
      <CompletenessPanel completeness={completeness} profileBase={`${base}/positions`} />
      <OutlineView outline={outline} />
    </>
  );
}
