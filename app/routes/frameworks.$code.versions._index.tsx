import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getMdoByCode } from "~/models/access/mdos.server";
import { listVersions } from "~/models/publication/versions.server";
import { canReadDraft, requireUser } from "~/http/auth.server";
import { notFound } from "~/http/errors.server";
import { formatUtc } from "~/components/dates";

export const meta: MetaFunction = () => [{ title: "Versions · FRAC Studio" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const mdo = getMdoByCode({ code: params.code ?? "" });
  if (!mdo) throw notFound(`No ministry "${params.code ?? ""}".`);
  const versions = listVersions({ mdoId: mdo.id });
  const seesDraft = canReadDraft(user, mdo.id);
  if (versions.length === 0 && !seesDraft) throw notFound(`${mdo.name} has published no version yet.`);
  return json({ mdo: { code: mdo.code, name: mdo.name }, versions, seesDraft });
}

export default function Versions() {
  const { mdo, versions, seesDraft } = useLoaderData<typeof loader>();
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/">Frameworks</Link> <span aria-hidden="true">›</span>{" "}
        {seesDraft ? <Link to={`/frameworks/${mdo.code}`}>{mdo.code}</Link> : <span>{mdo.code}</span>} <span aria-hidden="true">›</span> <span>Versions</span>
      </nav>
      <h1>Published versions of {mdo.name}</h1>
      {versions.length === 0 ? (
        <p className="empty">Nothing published yet.</p>
      ) : (
        <table className="data-table">
          <caption>Each version is immutable; its sha256 is the fingerprint other systems can check.</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Published</th>
              <th scope="col">Approved by</th>
              <th scope="col" className="num">Nodes</th>
              <th scope="col" className="num">Links</th>
              <th scope="col">Changes</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v, i) => (
              <tr key={v.number}>
                <td>
                  <Link to={`/frameworks/${mdo.code}/versions/${v.number}`}>Version {v.number}</Link>
                </td>
                <td>
                  <time dateTime={v.publishedAt}>{formatUtc(v.publishedAt)} UTC</time>
                </td>
                <td>{v.approverName ?? "—"}</td>
                <td className="num">{v.nodeCount}</td>
                <td className="num">{v.linkCount}</td>
                <td>
                  {versions[i + 1] ? <Link to={`/frameworks/${mdo.code}/diff?from=${versions[i + 1].number}&to=${v.number}`}>since version {versions[i + 1].number}</Link> : "first version"}
                  {i === 0 && seesDraft ? (
                    <>
                      {" · "}
                      <Link to={`/frameworks/${mdo.code}/diff?from=${v.number}&to=draft`}>draft since</Link>
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
