import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getMdoByCode } from "~/models/access/mdos.server";
import { listVersions } from "~/models/publication/versions.server";
import { canReadDraft, requireUser } from "~/http/auth.server";
import { notFound } from "~/http/errors.server";
import { useFormat } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { refusalText } from "~/i18n/refusal-text";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "framework:versions.title", "Versions");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const mdo = getMdoByCode({ code: params.code ?? "" });
  if (!mdo) throw notFound(refusalText("page.noMinistry", { code: params.code ?? "" }));
  const versions = listVersions({ mdoId: mdo.id });
  const seesDraft = canReadDraft(user, mdo.id);
  if (versions.length === 0 && !seesDraft) throw notFound(refusalText("page.noVersionYet", { name: mdo.name }));
  return json({ mdo: { code: mdo.code, name: mdo.name }, versions, seesDraft });
}

export default function Versions() {
  const { mdo, versions, seesDraft } = useLoaderData<typeof loader>();
  const { t } = useTranslation("framework");
  const f = useFormat();
  return (
    <>
      <nav aria-label={t("common:breadcrumb")} className="breadcrumb">
        <Link to="/">{t("common:nav.frameworks")}</Link> <span aria-hidden="true">›</span>{" "}
        {seesDraft ? <Link to={`/frameworks/${mdo.code}`}>{mdo.code}</Link> : <span>{mdo.code}</span>} <span aria-hidden="true">›</span> <span>{t("versions.title")}</span>
      </nav>
      <h1>{t("versions.heading", { name: mdo.name })}</h1>
      {versions.length === 0 ? (
        <p className="empty">{t("versions.nothing")}</p>
      ) : (
        <table className="data-table">
          <caption>{t("versions.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("versions.version")}</th>
              <th scope="col">{t("versions.published")}</th>
              <th scope="col">{t("versions.approvedBy")}</th>
              <th scope="col" className="num">{t("versions.nodes")}</th>
              <th scope="col" className="num">{t("versions.links")}</th>
              <th scope="col">{t("versions.changes")}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v, i) => (
              <tr key={v.number}>
                <td>
                  <Link to={`/frameworks/${mdo.code}/versions/${v.number}`}>{t("versions.versionN", { number: v.number })}</Link>
                </td>
                <td>
                  <time dateTime={v.publishedAt}>{f.dateTime(v.publishedAt)}</time>
                </td>
                <td>{v.approverName ?? "—"}</td>
                <td className="num">{f.number(v.nodeCount)}</td>
                <td className="num">{f.number(v.linkCount)}</td>
                <td>
                  {versions[i + 1] ? <Link to={`/frameworks/${mdo.code}/diff?from=${versions[i + 1].number}&to=${v.number}`}>{t("versions.since", { number: versions[i + 1].number })}</Link> : t("versions.first")}
                  {i === 0 && seesDraft ? (
                    <>
                      {" · "}
                      <Link to={`/frameworks/${mdo.code}/diff?from=${v.number}&to=draft`}>{t("versions.draftSince")}</Link>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
