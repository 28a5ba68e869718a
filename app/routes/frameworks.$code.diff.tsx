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

export const meta: MetaFunction = () => [{ title: "Changes · FRAC Studio" }];

/** Differences between two versions, or between a version and the draft (draft for its readers only). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const mdo = getMdoByCode({ code: params.code ?? "" });
  if (!mdo) throw notFound(`No ministry "${params.code ?? ""}".`);
  const url = new URL(request.url);
  const load = (which: string | null, label: string): FracDocument => {
    if (which === "draft") {
      if (!canReadDraft(user, mdo.id)) throw notFound("No such version.");
      return loadDraftDocument({ mdoId: mdo.id })!;
    }
    if (!which || !/^\d+$/.test(which)) throw badRequest(`"${label}" must be a version number or "draft".`);
    const v = getVersion({ mdoId: mdo.id, number: Number(which) });
    if (!v) throw notFound(`${mdo.name} has no version ${which}.`);
    return v.document;
  };
  const from = url.searchParams.get("from");
  const to = url.searchParams.get("to") ?? "draft";
  const diff = diffDocuments(load(from, "from"), load(to, "to"));
  // The editor highlights the draft's changes against the latest version; offer it for that comparison.
  const inGraph = to === "draft" && from === String(getPublishedVersionNumber({ mdoId: mdo.id }));
  return json({ mdo: { code: mdo.code, name: mdo.name }, from, to, diff, inGraph });
}

const linkText = (l: DiffLink) => `${l.from.name ?? l.from.id} → ${l.to.name ?? l.to.id}${l.level !== null ? ` (level ${l.level})` : ""}`;
const label = (v: string | null) => (v === "draft" ? "the draft" : `version ${v}`);

export default function DiffPage() {
  const { mdo, from, to, diff, inGraph } = useLoaderData<typeof loader>();
  const s = diff.summary;
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/">Frameworks</Link> <span aria-hidden="true">›</span> <Link to={`/frameworks/${mdo.code}/versions`}>{mdo.code} versions</Link>{" "}
        <span aria-hidden="true">›</span> <span>Changes</span>
      </nav>
      <h1>
        Changes from {label(from)} to {label(to)}
      </h1>
      {s.identical ? (
        <p className="findings-ok">No differences.</p>
      ) : (
        <p>
          {s.nodesAdded} {s.nodesAdded === 1 ? "node" : "nodes"} added, {s.nodesRemoved} removed, {s.nodesChanged} changed; {s.linksAdded}{" "}
          {s.linksAdded === 1 ? "link" : "links"} added, {s.linksRemoved} removed, {s.linksChanged} changed.
          {inGraph ? (
            <>
              {" "}
              <Link to={`/frameworks/${mdo.code}/edit?changes`}>See them highlighted in the graph</Link>
            </>
          ) : null}
        </p>
      )}
      <div className="diff">
        {diff.nodes.added.length ? (
          <section className="panel diff-added" aria-label="Nodes added">
            <h2>Added</h2>
            <ul>
              {diff.nodes.added.map((n) => (
                <li key={n.id}>
                  <span className={`kind kind-${n.kind === "knowledge_resource" ? "resource" : n.kind}`}>{n.kind.replace("_", " ")}</span> {n.name}
                </li>
              ))}
              {diff.links.added.map((l) => (
                <li key={l.id}>link {linkText(l)}</li>
              ))}
            </ul>
          </section>
        ) : null}
        {diff.nodes.removed.length || diff.links.removed.length ? (
          <section className="panel diff-removed" aria-label="Removed">
            <h2>Removed</h2>
            <ul>
              {diff.nodes.removed.map((n) => (
                <li key={n.id}>
                  <span className="kind kind-activity">{n.kind.replace("_", " ")}</span> {n.name}
                </li>
              ))}
              {diff.links.removed.map((l) => (
                <li key={l.id}>link {linkText(l)}</li>
              ))}
            </ul>
          </section>
        ) : null}
        {diff.nodes.changed.length || diff.links.changed.length ? (
          <section className="panel diff-changed" aria-label="Changed">
            <h2>Changed</h2>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">What</th>
                  <th scope="col">Field</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                {diff.nodes.changed.flatMap((n) =>
                  n.changes.map((c) => (
                    <tr key={`${n.id}-${c.field}`}>
                      <td>{n.name}</td>
                      <td>{fieldLabel(c.field)}</td>
                      <td className="before">{shownValue(c.before)}</td>
                      <td className="after">{shownValue(c.after)}</td>
                    </tr>
                  )),
                )}
                {diff.links.changed.flatMap((l) =>
                  l.changes.map((c) => (
                    <tr key={`${l.id}-${c.field}`}>
                      <td>{linkText(l)}</td>
                      <td>{fieldLabel(c.field)}</td>
                      <td className="before">{shownValue(c.before)}</td>
                      <td className="after">{shownValue(c.after)}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </section>
        ) : null}
      </div>
    </>
  );
}
