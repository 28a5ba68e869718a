import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { KcmMappings } from "~/components/dictionary/kcm-mappings";
import { SourceEntryView } from "~/components/dictionary/source-entry-view";
import { kcmMappingChoices, mappingsOfCompetency, mappingsOfSourceEntry } from "~/models/dictionary-mapping.server";
import { getSourceEntry, SOURCE_CURATORS } from "~/models/dictionary-source.server";
import { getDictionaryEntry } from "~/models/dictionary.server";
import { hasCbcRole, requireUser } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.kind === "outside" ? data.entry.abbreviatedStatement || data.entry.fullStatement : data.name} · Competency dictionary` : "Competency · FRAC Studio" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // why not only UUIDs: an outside framework's entries keep their CASE identifiers as given.
  const id = z.string().min(1).max(256).safeParse(params.id);
  if (!id.success) throw notFound("No such competency: the address does not hold a valid id.");
  const mdoIds = user.memberships.flatMap((m) => (m.mdoId ? [m.mdoId] : []));
  const entry = z.uuid().safeParse(id.data).success ? getDictionaryEntry({ id: id.data, mdoIds, allMdos: hasCbcRole(user) }) : null;
  if (entry) {
    const outside = mappingsOfCompetency({ competencyId: entry.id });
    return json({ kind: "kcm" as const, ...entry, outside });
  }
  const sourceEntry = getSourceEntry({ id: id.data });
  if (!sourceEntry) throw notFound("No such competency in the dictionary.");
  const mappings = mappingsOfSourceEntry({ sourceEntryId: sourceEntry.id });
  const choices = hasCbcRole(user, SOURCE_CURATORS) ? kcmMappingChoices() : null;
  return json({ kind: "outside" as const, entry: sourceEntry, mappings, choices });
}

export default function DictionaryEntryPage() {
  const data = useLoaderData<typeof loader>();
  if (data.kind === "outside") return <SourceEntryView e={data.entry} mappings={data.mappings} choices={data.choices} />;
  return <DictionaryEntry e={data} />;
}

function DictionaryEntry({ e }: { e: Extract<ReturnType<typeof useLoaderData<typeof loader>>, { kind: "kcm" }> }) {
  return (
    <article className="dict-entry">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/dictionary">Dictionary</Link> <span aria-hidden="true">›</span> <span>{e.type}</span>
        {e.parent ? (
          <>
            {" "}
            <span aria-hidden="true">›</span> <Link to={`/dictionary/${e.parent.id}`}>{e.parent.name}</Link>
          </>
        ) : null}
      </nav>
      <h1>
        {e.name} {e.nameHi ? <span lang="hi" className="hindi">· {e.nameHi}</span> : null}
      </h1>
      <dl className="facts">
        <div><dt>Type</dt><dd>{e.type}</dd></div>
        {e.code ? <div><dt>KCM code</dt><dd><code>{e.code}</code></dd></div> : null}
        <div><dt>{e.parent ? "Sub-theme of" : "Level"}</dt><dd>{e.parent ? e.parent.name : "Theme"}</dd></div>
        {e.mdoName ? <div><dt>Owned by</dt><dd>{e.mdoName}</dd></div> : null}
        {e.source ? <div><dt>Source</dt><dd>{e.source}</dd></div> : null}
      </dl>
      <h2>Description</h2>
      <p>{e.description || <span className="muted">The source gives no description.</span>}</p>
      <h2>Proficiency levels</h2>
      <ol className="scale">
        {e.scale.levels.map((l) => (
          <li key={l.level}>
            <strong>
              {l.level} {l.name}
            </strong>
            : {l.descriptor}
          </li>
        ))}
      </ol>
      {e.subThemes.length ? (
        <>
          <h2>Sub-themes</h2>
          <ul>
            {e.subThemes.map((s) => (
              <li key={s.id}>
                <Link to={`/dictionary/${s.id}`}>{s.name}</Link> {s.code ? <code className="small">{s.code}</code> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <KcmMappings mappings={e.outside} />
    </article>
  );
}
