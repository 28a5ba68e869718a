import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/status-badge";
import { listActiveMdos } from "~/models/access/mdos.server";
import { listPublishedFrameworks } from "~/models/publication/versions.server";
import { hasCbcRole, requireUser } from "~/http/auth.server";

export const meta: MetaFunction = () => [{ title: "Frameworks · FRAC Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const cbc = hasCbcRole(user);
  const own = [...new Set(user.memberships.flatMap((m) => (m.mdoId ? [m.mdoId] : [])))];
  const mdos = listActiveMdos(cbc ? {} : { onlyIds: own });
  const roles = user.memberships.map((m) => (m.mdoCode ? `${m.role} (${m.mdoCode})` : `${m.role} (CBC)`));
  return json({ name: user.name, roles, cbc, mdos, published: listPublishedFrameworks() });
}

export default function Home() {
  const { name, roles, cbc, mdos, published } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Frameworks</h1>
      <p className="muted">
        Signed in as {name} · {roles.join(", ") || "no roles yet"}
      </p>
      {mdos.length === 0 ? (
        <p className="empty">
          You are not a member of any ministry yet. Ask your administrator to add you to your ministry&apos;s HR cell.
        </p>
      ) : (
        <table className="data-table">
          <caption>{cbc ? "Every active ministry, department and organisation" : "Your ministries"}</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Ministry / department / organisation</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Nodes
              </th>
              <th scope="col" className="num">
                Links
              </th>
              <th scope="col">Last change</th>
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
                  {m.parentName ? <div className="muted small">under {m.parentName}</div> : null}
                </td>
                <td>{m.framework ? <StatusBadge status={m.framework.status} /> : "—"}</td>
                <td className="num">{m.framework?.nodes ?? 0}</td>
                <td className="num">{m.framework?.links ?? 0}</td>
                <td>{m.framework ? <time dateTime={m.framework.updatedAt}>{m.framework.updatedAt.slice(0, 10)}</time> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Published frameworks</h2>
      {published.length === 0 ? (
        <p className="empty">No framework has been published yet.</p>
      ) : (
        <ul className="published-list">
          {published.map((p) => (
            <li key={p.code}>
              <Link to={`/frameworks/${p.code}/versions/${p.latestVersion}`}>
                {p.name}, version {p.latestVersion}
              </Link>{" "}
              <span className="muted small">published {p.publishedAt.slice(0, 10)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
