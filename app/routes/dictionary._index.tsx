import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { CaseUpload } from "~/components/dictionary/case-upload";
import { SourceList } from "~/components/dictionary/source-list";
import { listSources, SOURCE_CURATORS } from "~/models/dictionary-source.server";
import { listDictionary } from "~/models/dictionary.server";
import { hasCbcRole, requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Competency dictionary · FRAC Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const mdoIds = user.memberships.flatMap((m) => (m.mdoId ? [m.mdoId] : []));
  return json({ ...listDictionary({ mdoIds, allMdos: hasCbcRole(user) }), sources: listSources(), mayImport: hasCbcRole(user, SOURCE_CURATORS) });
}

function SourcesHeading() {
  const { t } = useTranslation("dictionary-sources");
  return (
    <>
      <h2 id="h-sources">{t("sources.title")}</h2>
      <p className="muted">
        <Trans t={t} i18nKey="sources.sectionIntro" components={{ anchor: <Link to="/dictionary/sources" /> }} />
      </p>
    </>
  );
}

const TYPE_NOTES = {
  Behavioural: "How an officer behaves at work; shared by every ministry (Karmayogi Competency Model).",
  Functional: "Functions common across government, such as finance or procurement; shared (Karmayogi Competency Model).",
  Domain: "Specific to one ministry's subject; each ministry curates its own.",
} as const;

export default function Dictionary() {
  const data = useLoaderData<typeof loader>();
  const scale = data.Behavioural[0]?.scale;
  return (
    <>
      <h1>Competency dictionary</h1>
      <p className="muted">
        Types → themes → sub-themes. Requirements usually point at a theme; a sub-theme can be chosen to be specific.
      </p>
      <nav aria-label="Competency types" className="tabs">
        {(["Behavioural", "Functional", "Domain"] as const).map((t) => (
          <a key={t} href={`#${t}`}>
            {t} ({data[t].length} themes)
          </a>
        ))}
      </nav>
      {(["Behavioural", "Functional", "Domain"] as const).map((type) => (
        <section key={type} id={type} aria-labelledby={`h-${type}`} className="dict-type">
          <h2 id={`h-${type}`}>{type}</h2>
          <p className="muted">{TYPE_NOTES[type]}</p>
          {data[type].length === 0 ? <p className="empty">No {type.toLowerCase()} competencies you can see.</p> : null}
          {data[type].map((theme) => (
            <details key={theme.id} className="dict-theme">
              {/* why no link in the summary: a link inside <summary> nests two interactive controls. */}
              <summary>
                {theme.name}
                {theme.mdoCode ? <span className="muted small"> · {theme.mdoCode}</span> : null}
                {theme.subThemes.length ? <span className="muted small"> · {theme.subThemes.length} sub-themes</span> : null}
              </summary>
              {theme.description ? <p>{theme.description}</p> : null}
              <p>
                <Link to={`/dictionary/${theme.id}`}>Open the “{theme.name}” entry</Link>
              </p>
              <ul className="dict-subthemes">
                {theme.subThemes.map((s) => (
                  <li key={s.id}>
                    <Link to={`/dictionary/${s.id}`}>{s.name}</Link> {s.code ? <code className="small">{s.code}</code> : null}
                    {s.description ? <p className="muted small">{s.description}</p> : null}
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </section>
      ))}
      <section aria-labelledby="h-sources" className="dict-type" id="sources">
        <SourcesHeading />
        <SourceList sources={data.sources} />
        {data.mayImport ? <CaseUpload /> : null}
      </section>
      {scale ? (
        <section aria-labelledby="h-scale" className="dict-type">
          <h2 id="h-scale">Default proficiency scale</h2>
          <ol className="scale">
            {scale.levels.map((l) => (
              <li key={l.level}>
                <strong>
                  {l.level} {l.name}
                </strong>
                : {l.descriptor}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
