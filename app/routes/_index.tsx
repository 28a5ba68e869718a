import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/status-badge";
import { listActiveMdos } from "~/models/access/mdos.server";
import { listPublishedFrameworks } from "~/models/publication/versions.server";
import { hasCbcRole, requireUser } from "~/http/auth.server";
import { useFormat } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "framework:home.title", "Frameworks");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const cbc = hasCbcRole(user);
  const own = [...new Set(user.memberships.flatMap((m) => (m.mdoId ? [m.mdoId] : [])))];
  const mdos = listActiveMdos(cbc ? {} : { onlyIds: own });
  const roles = user.memberships.map((m) => ({ role: m.role, mdoCode: m.mdoCode }));
  return json({ name: user.name, roles, cbc, mdos, published: listPublishedFrameworks() });
}

export default function Home() {
  const { name, roles, cbc, mdos, published } = useLoaderData<typeof loader>();
  const { t } = useTranslation("framework");
  const f = useFormat();
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="muted">{t("home.signedInAs", { name, roles: roles.map((r) => `${t(`admin:role.${r.role}`)} (${r.mdoCode ?? "CBC"})`).join(", ") || t("home.noRoles") })}</p>
      {mdos.length === 0 ? (
        <p className="empty">
          {t("home.noMinistry")}
        </p>
      ) : (
        <table className="data-table">
          <caption>{cbc ? t("home.captionAll") : t("home.captionOwn")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("home.code")}</th>
              <th scope="col">{t("home.mdo")}</th>
              <th scope="col">{t("home.status")}</th>
              <th scope="col" className="num">
                {t("home.nodes")}
              </th>
              <th scope="col" className="num">
                {t("home.links")}
              </th>
              <th scope="col">{t("home.lastChange")}</th>
            </tr>
          </thead>
          <tbody>
            {mdos.map((m) => (
              <tr key={m.id}>
                <td>
                  <code>{m.code}</code>
                </td>
                <td>
                  <Link to={`/frameworks/${m.code}`}>{m.name}</Link>
                  {m.parentName ? <div className="muted small">{t("home.under", { name: m.parentName })}</div> : null}
                </td>
                <td>{m.framework ? <StatusBadge status={m.framework.status} /> : "—"}</td>
                <td className="num">{f.number(m.framework?.nodes ?? 0)}</td>
                <td className="num">{f.number(m.framework?.links ?? 0)}</td>
                <td>{m.framework ? <time dateTime={m.framework.updatedAt}>{f.date(m.framework.updatedAt)}</time> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t("home.published")}</h2>
      {published.length === 0 ? (
        <p className="empty">{t("home.noneYet")}</p>
      ) : (
        <ul className="published-list">
          {published.map((p) => (
            <li key={p.code}>
              <Link to={`/frameworks/${p.code}/versions/${p.latestVersion}`}>
                {t("home.publishedItem", { name: p.name, version: p.latestVersion })}
              </Link>{" "}
              <span className="muted small">{t("home.publishedOn", { date: f.date(p.publishedAt) })}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
