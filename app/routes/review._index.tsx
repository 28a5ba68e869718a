import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/status-badge";
import { listReviewQueue } from "~/models/review/queries.server";
import { requireUser } from "~/http/auth.server";
import { useFormat } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "review:queue.title", "Review queue");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ items: listReviewQueue({ user }) });
}

export default function ReviewQueue() {
  const { items } = useLoaderData<typeof loader>();
  const { t } = useTranslation("review");
  const f = useFormat();
  return (
    <>
      <h1>{t("queue.title")}</h1>
      {items.length === 0 ? (
        <p className="empty">{t("queue.nothing")}</p>
      ) : (
        <table className="data-table">
          <caption>{t("queue.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("queue.ministry")}</th>
              <th scope="col">{t("queue.stage")}</th>
              <th scope="col">{t("queue.waitingSince")}</th>
              <th scope="col" className="num">{t("queue.nodes")}</th>
              <th scope="col" className="num">{t("queue.links")}</th>
              <th scope="col">{t("queue.checks")}</th>
              <th scope="col">{t("queue.note")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.mdoId}>
                <td>
                  <Link to={`/frameworks/${i.code}`}>{i.name}</Link> <code className="small">{i.code}</code>
                </td>
                <td>
                  {t(`queue.stages.${i.stage}`)} <StatusBadge status={i.status} />
                </td>
                <td>
                  <time dateTime={i.waitingSince}>{f.dateTime(i.waitingSince)}</time>
                </td>
                <td className="num">{f.number(i.nodeCount)}</td>
                <td className="num">{f.number(i.linkCount)}</td>
                <td>
                  {t("framework:findings.counts", { errors: t("framework:findings.errors", { count: i.errors }), warnings: t("framework:findings.warnings", { count: i.warnings }) })}
                </td>
                <td>
                  {i.latestVersion ? (
                    <Link to={`/frameworks/${i.code}/diff?from=${i.latestVersion}&to=draft`}>{t("queue.changesSince", { version: i.latestVersion })}</Link>
                  ) : (
                    t("queue.firstVersion")
                  )}
                  {i.blockedReason ? <div className="small muted">{i.blockedReason}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
