import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { BilingualDescription, BilingualName } from "~/components/bilingual-name";
import { listDictionary, retiredSharedEntries } from "~/models/dictionary/dictionary.server";
import { openProposalCount } from "~/models/dictionary/proposals.server";
import { isCurator, mayPropose } from "~/http/curation-access.server";
import { CurationLinks, RetiredEntries } from "~/components/dictionary/curation-links";
import { hasCbcRole, requireUser } from "~/http/auth.server";
import { pageTitle } from "~/i18n/meta";
import { searchEntries } from "~/models/search/search.server";
import { readSearchQuery } from "~/http/search-query";
import { searchViewer } from "~/http/search-viewer.server";
import { CaseUpload } from "~/components/dictionary/case-upload";
import { SourceList } from "~/components/dictionary/source-list";
import { listSources, SOURCE_CURATORS } from "~/models/dictionary/sources.server";
import { levelName } from "~/i18n/level-name";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "dictionary:title", "Competency dictionary");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const mdoIds = user.memberships.flatMap((m) => (m.mdoId ? [m.mdoId] : []));
  const query = readSearchQuery(new URL(request.url).searchParams);
  const results = query ? searchEntries({ query, viewer: searchViewer(user), limit: 100 }) : null;
  // why no tree with results: the page shows one or the other, and the whole tree was 95 % of a search's reply.
  const tree: ReturnType<typeof listDictionary> = results ? { Behavioural: [], Functional: [], Domain: [] } : listDictionary({ mdoIds, allMdos: hasCbcRole(user) });
  const curator = isCurator(user);
  const curation = { curator, mayPropose: mayPropose(user), openProposals: curator ? openProposalCount() : 0, retired: curator ? retiredSharedEntries() : [] };
  return json({ ...tree, query, results, sources: listSources(), mayImport: hasCbcRole(user, SOURCE_CURATORS), curation });
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

function DictionarySearch() {
  const { query, results } = useLoaderData<typeof loader>();
  const { t } = useTranslation("dictionary");
  return (
    <>
      <Form method="get" className="search-form" role="search" aria-label={t("search.label")}>
        <label htmlFor="dictionary-q" className="sr-only">
          {t("search.label")}
        </label>
        <input id="dictionary-q" name="q" type="search" defaultValue={query} maxLength={200} placeholder={t("search.label")} />
        <button type="submit">{t("search.submit")}</button>
        {query ? <Link to="/dictionary">{t("search.clear")}</Link> : null}
      </Form>
      {results ? (
        <section className="search-results" aria-label={t("search.label")}>
          <p role="status">
            {results.length === 0
              ? t("search.none", { query })
              : results[0]?.matched === "similar"
                ? t("search.similar", { query })
                : t("search.count", { count: results.length, query })}
          </p>
          {results.length ? (
            <ul>
              {results.map((h) => (
                <li key={h.id}>
                  <Link to={`/dictionary/${h.id}`}>{h.name}</Link>
                  {h.nameHi ? <span lang="hi"> · {h.nameHi}</span> : null} {h.code ? <code className="small">{h.code}</code> : null}{" "}
                  <span className="small muted">
                    · {h.type}
                    {h.theme ? ` · ${h.theme}` : ""}
                    {h.mdoCode ? ` · ${h.mdoCode}` : ""}
                  </span>
                  {h.description ? <p className="small muted">{h.description}</p> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

export default function Dictionary() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("dictionary");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <CurationLinks {...data.curation} />
      <DictionarySearch />
      {data.results ? null : <DictionaryTree />}
    </>
  );
}

function DictionaryTree() {
  const data = useLoaderData<typeof loader>();
  const scale = data.Behavioural[0]?.scale;
  const { t } = useTranslation("dictionary");
  return (
    <>
      <nav aria-label={t("types")} className="tabs">
        {(["Behavioural", "Functional", "Domain"] as const).map((type) => (
          <a key={type} href={`#${type}`}>
            {t("typeTab", { type: t(`common:competencyType.${type}`), count: data[type].length })}
          </a>
        ))}
      </nav>
      {(["Behavioural", "Functional", "Domain"] as const).map((type) => (
        <section key={type} id={type} aria-labelledby={`h-${type}`} className="dict-type">
          <h2 id={`h-${type}`}>{t(`common:competencyType.${type}`)}</h2>
          <p className="muted">{t(`note.${type}`)}</p>
          {data[type].length === 0 ? <p className="empty">{t("noneOfType", { type: t(`common:competencyType.${type}`).toLocaleLowerCase() })}</p> : null}
          {data[type].map((theme) => (
            <details key={theme.id} className="dict-theme">
              {/* why no link in the summary: a link inside <summary> nests two interactive controls. */}
              <summary>
                <BilingualName name={theme.name} nameHi={theme.nameHi} />
                {theme.mdoCode ? <span className="muted small"> · {theme.mdoCode}</span> : null}
                {theme.subThemes.length ? <span className="muted small"> · {t("subThemeCount", { count: theme.subThemes.length })}</span> : null}
              </summary>
              <BilingualDescription content={theme} />
              <p>
                <Link to={`/dictionary/${theme.id}`}>{t("openEntry", { name: theme.name })}</Link>
              </p>
              <ul className="dict-subthemes">
                {theme.subThemes.map((s) => (
                  <li key={s.id}>
                    <Link to={`/dictionary/${s.id}`}>
                      <BilingualName name={s.name} nameHi={s.nameHi} />
                    </Link> {s.code ? <code className="small">{s.code}</code> : null}
                    <BilingualDescription content={s} className="muted small" />
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </section>
      ))}
      <RetiredEntries entries={data.curation.retired} />
      <section aria-labelledby="h-sources" className="dict-type" id="sources">
        <SourcesHeading />
        <SourceList sources={data.sources} />
        {data.mayImport ? <CaseUpload /> : null}
      </section>
      {scale ? (
        <section aria-labelledby="h-scale" className="dict-type">
          <h2 id="h-scale">{t("defaultScale")}</h2>
          <ol className="scale">
            {scale.levels.map((l) => (
              <li key={l.level}>
                <strong>
                  {l.level} {levelName(t, l.name)}
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
