import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { diffDocuments, type DiffLink } from "@schemas/diff";
import type { FracDocument } from "@schemas/frac-document";
import { loadDraftDocument } from "~/models/draft/document.server";
import { getMdoByCode } from "~/models/access/mdos.server";
import { getPublishedVersionNumber, getVersion } from "~/models/publication/versions.server";
import { canReadDraft, requireUser } from "~/http/auth.server";
import { badRequest, notFound } from "~/http/errors.server";
import { fieldLabel, shownValue } from "~/components/diff/labels";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/meta";
import { refusalText } from "~/i18n/refusal-text";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "history:diff.title", "Changes");

/** Differences between two versions, or between a version and the draft (draft for its readers only). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const mdo = getMdoByCode({ code: params.code ?? "" });
  if (!mdo) throw notFound(refusalText("page.noMinistry", { code: params.code ?? "" }));
  const url = new URL(request.url);
  const load = (which: string | null, label: string): FracDocument => {
    if (which === "draft") {
      if (!canReadDraft(user, mdo.id)) throw notFound(refusalText("page.noSuchVersion"));
      return loadDraftDocument({ mdoId: mdo.id })!;
    }
    if (!which || !/^\d+$/.test(which)) throw badRequest(`"${label}" must be a version number or "draft".`);
    const v = getVersion({ mdoId: mdo.id, number: Number(which) });
    if (!v) throw notFound(refusalText("page.noVersion", { name: mdo.name, number: String(which) }));
    return v.document;
  };
  const from = url.searchParams.get("from");
  const to = url.searchParams.get("to") ?? "draft";
  const diff = diffDocuments(load(from, "from"), load(to, "to"));
  // The editor highlights the draft's changes against the latest version; offer it for that comparison.
  const inGraph = to === "draft" && from === String(getPublishedVersionNumber({ mdoId: mdo.id }));
  return json({ mdo: { code: mdo.code, name: mdo.name }, from, to, diff, inGraph });
}

const linkText = (t: TFunction, l: DiffLink) => `${l.from.name ?? l.from.id} → ${l.to.name ?? l.to.id}${l.level !== null ? ` (${t("common:level", { level: l.level })})` : ""}`;
const label = (t: TFunction, v: string | null) => (v === "draft" ? t("diff.theDraft") : t("diff.version", { number: v }));

export default function DiffPage() {
  const { mdo, from, to, diff, inGraph } = useLoaderData<typeof loader>();
  const s = diff.summary;
  const { t } = useTranslation("history");
  const kind = (k: string) => t(`common:kind.${k}`);
  return (
    <>
      <nav aria-label={t("common:breadcrumb")} className="breadcrumb">
        <Link to="/">{t("common:nav.frameworks")}</Link> <span aria-hidden="true">›</span> <Link to={`/frameworks/${mdo.code}/versions`}>{t("diff.versionsOf", { code: mdo.code })}</Link>{" "}
        <span aria-hidden="true">›</span> <span>{t("diff.title")}</span>
      </nav>
      <h1>{t("diff.heading", { from: label(t, from), to: label(t, to) })}</h1>
      {s.identical ? (
        <p className="findings-ok">{t("diff.identical")}</p>
      ) : (
        <p>
          {t("diff.summary", {
            nodes: t("diff.nodes", { count: s.nodesAdded }),
            nodesRemoved: s.nodesRemoved,
            nodesChanged: s.nodesChanged,
            links: t("diff.links", { count: s.linksAdded }),
            linksRemoved: s.linksRemoved,
            linksChanged: s.linksChanged,
          })}
          {inGraph ? (
            <>
              {" "}
              <Link to={`/frameworks/${mdo.code}/edit?changes`}>{t("diff.inGraph")}</Link>
            </>
          ) : null}
        </p>
      )}
      <div className="diff">
        {diff.nodes.added.length ? (
          <section className="panel diff-added" aria-label={t("diff.nodesAdded")}>
            <h2>{t("diff.added")}</h2>
            <ul>
              {diff.nodes.added.map((n) => (
                <li key={n.id}>
                  <span className={`kind kind-${n.kind === "knowledge_resource" ? "resource" : n.kind}`}>{kind(n.kind)}</span> {n.name}
                </li>
              ))}
              {diff.links.added.map((l) => (
                <li key={l.id}>{t("diff.link")} {linkText(t, l)}</li>
              ))}
            </ul>
          </section>
        ) : null}
        {diff.nodes.removed.length || diff.links.removed.length ? (
          <section className="panel diff-removed" aria-label={t("diff.removed")}>
            <h2>{t("diff.removed")}</h2>
            <ul>
              {diff.nodes.removed.map((n) => (
                <li key={n.id}>
                  <span className="kind kind-activity">{kind(n.kind)}</span> {n.name}
                </li>
              ))}
              {diff.links.removed.map((l) => (
                <li key={l.id}>{t("diff.link")} {linkText(t, l)}</li>
              ))}
            </ul>
          </section>
        ) : null}
        {diff.nodes.changed.length || diff.links.changed.length ? (
          <section className="panel diff-changed" aria-label={t("diff.changed")}>
            <h2>{t("diff.changed")}</h2>
            <div className="table-wide" tabIndex={0} role="region" aria-label={t("diff.changedTable")}>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t("diff.what")}</th>
                    <th scope="col">{t("diff.field")}</th>
                    <th scope="col">{t("diff.before")}</th>
                    <th scope="col">{t("diff.after")}</th>
                  </tr>
                </thead>
                <tbody>
                  {diff.nodes.changed.flatMap((n) =>
                    n.changes.map((c) => (
                      <tr key={`${n.id}-${c.field}`}>
                        <td>{n.name}</td>
                        <td>{fieldLabel(c.field, t)}</td>
                        <td className="before">{shownValue(c.before)}</td>
                        <td className="after">{shownValue(c.after)}</td>
                      </tr>
                    )),
                  )}
                  {diff.links.changed.flatMap((l) =>
                    l.changes.map((c) => (
                      <tr key={`${l.id}-${c.field}`}>
                        <td>{linkText(t, l)}</td>
                        <td>{fieldLabel(c.field, t)}</td>
                        <td className="before">{shownValue(c.before)}</td>
                        <td className="after">{shownValue(c.after)}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </div>
          </section>
        ) : null}
      </div>
    </>
  );
}
