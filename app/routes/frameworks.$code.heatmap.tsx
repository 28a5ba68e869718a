import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { heatMapOf } from "@schemas/heatmap";
import { HeatMapView } from "~/components/cbc/heat-map";
import { canReadDraft, requireMdoAccess, requireUser } from "~/http/auth.server";
import { badRequest, notFound } from "~/http/errors.server";
import { pageTitle } from "~/i18n/meta";
import { getMdoByCode } from "~/models/access/mdos.server";
import { loadDraftDocument } from "~/models/draft/document.server";
import { getVersion, listVersions } from "~/models/publication/versions.server";
import cbcStyles from "~/styles/cbc.css";
import { refusalText } from "~/i18n/refusal-text";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: cbcStyles }];

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "cbc:heatmap.title", "Heat map", { code: data?.mdo.code ?? "" });

/**
 * The heat map of a framework's draft (its members and the CBC) or of a published version
 * (`?version=N`, every signed-in user, as the version page).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const wanted = new URL(request.url).searchParams.get("version") ?? "draft";
  if (wanted !== "draft" && !/^[1-9]\d{0,8}$/.test(wanted)) throw badRequest(`"${wanted.slice(0, 40)}" is not a version: give a version number, or "draft".`);
  if (wanted === "draft") {
    const { user, mdo } = await requireMdoAccess(request, params.code, "read");
    const doc = loadDraftDocument({ mdoId: mdo.id });
    if (!doc) throw notFound(refusalText("page.noFrameworkYet", { name: mdo.name }));
    const versions = listVersions({ mdoId: mdo.id }).map((v) => v.number);
    return json({ mdo: { code: mdo.code, name: mdo.name }, source: { kind: "draft" as const, revision: doc.revision ?? 0 }, versions, draftReadable: canReadDraft(user, mdo.id), map: heatMapOf(doc) });
  }
  const user = await requireUser(request);
  const mdo = getMdoByCode({ code: params.code ?? "" });
  if (!mdo) throw notFound(refusalText("page.noSuchFramework"));
  const version = getVersion({ mdoId: mdo.id, number: Number(wanted) });
  if (!version) throw notFound(refusalText("page.noVersion", { name: mdo.name, number: String(wanted) }));
  const versions = listVersions({ mdoId: mdo.id }).map((v) => v.number);
  return json({
    mdo: { code: mdo.code, name: mdo.name },
    source: { kind: "version" as const, number: version.number },
    versions,
    draftReadable: canReadDraft(user, mdo.id),
    map: heatMapOf(version.document),
  });
}

export default function HeatMapPage() {
  const { mdo, source, versions, draftReadable, map } = useLoaderData<typeof loader>();
  const { t } = useTranslation("cbc");
  const selected = source.kind === "draft" ? "draft" : String(source.number);
  return (
    <>
      <nav aria-label={t("common:breadcrumb")} className="breadcrumb">
        <a href="/">{t("common:nav.frameworks")}</a> <span aria-hidden="true">›</span> {draftReadable ? <Link to={`/frameworks/${mdo.code}`}>{mdo.code}</Link> : <span>{mdo.code}</span>}{" "}
        {source.kind === "version" ? (
          <>
            <span aria-hidden="true">›</span> <Link to={`/frameworks/${mdo.code}/versions/${source.number}`}>{t("framework:versions.versionN", { number: source.number })}</Link>{" "}
          </>
        ) : null}
        <span aria-hidden="true">›</span> <span>{t("heatmap.link")}</span>
      </nav>
      <h1>{t("heatmap.title")}</h1>
      <p>
        {t("heatmap.of", {
          name: mdo.name,
          source: source.kind === "draft" ? t("heatmap.draft", { revision: source.revision }) : t("heatmap.version", { number: source.number }),
        })}
      </p>
      <p className="muted small">{t("heatmap.intro")}</p>
      {source.kind === "version" ? (
        <p>
          <Link to={`/frameworks/${mdo.code}/versions/${source.number}`}>{t("heatmap.backToVersion", { number: source.number })}</Link>
        </p>
      ) : null}
      {versions.length > 0 || !draftReadable ? (
        <Form method="get" className="inline-form">
          <div className="field">
            <label htmlFor="heatmap-version">{t("heatmap.sourceLabel")}</label>
            <select id="heatmap-version" name="version" defaultValue={selected}>
              {draftReadable ? <option value="draft">{t("heatmap.draftOption")}</option> : null}
              {versions.map((n) => (
                <option key={n} value={String(n)}>
                  {t("heatmap.versionOption", { number: n })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <button type="submit" className="button">
              {t("heatmap.show")}
            </button>
          </div>
        </Form>
      ) : null}
      <HeatMapView map={map} />
    </>
  );
}
