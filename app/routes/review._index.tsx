import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/status-badge";
import { listReviewQueue } from "~/models/review/queries.server";
import { requireUser } from "~/http/auth.server";
import { formatUtc } from "~/components/dates";

export const meta: MetaFunction = () => [{ title: "Review queue · FRAC Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ items: listReviewQueue({ user }) });
}

const STAGE = { technical: "Technical review", board: "Review board", authors: "Sent back to you" } as const;

export default function ReviewQueue() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Review queue</h1>
      {items.length === 0 ? (
        <p className="empty">Nothing waits for you.</p>
      ) : (
        <table className="data-table">
          <caption>Oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Ministry</th>
              <th scope="col">Stage</th>
              <th scope="col">Waiting since</th>
              <th scope="col" className="num">Nodes</th>
              <th scope="col" className="num">Links</th>
              <th scope="col">Checks</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.mdoId}>
                <td>
                  <Link to={`/frameworks/${i.code}`}>{i.name}</Link> <code className="small">{i.code}</code>
                </td>
                <td>
                  {STAGE[i.stage]} <StatusBadge status={i.status} />
                </td>
                <td>
                  <time dateTime={i.waitingSince}>{formatUtc(i.waitingSince)} UTC</time>
                </td>
                <td className="num">{i.nodeCount}</td>
                <td className="num">{i.linkCount}</td>
                <td>
                  {i.errors} errors, {i.warnings} warnings
                </td>
                <td>
                  {i.latestVersion ? (
                    <Link to={`/frameworks/${i.code}/diff?from=${i.latestVersion}&to=draft`}>changes since version {i.latestVersion}</Link>
                  ) : (
                    "first version"
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
