import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getSource } from "~/models/dictionary/sources.server";
import { requireUser } from "~/http/auth.server";
import { useFormat } from "~/i18n/format";
import { notFound } from "~/http/errors.server";
import { readSearchQuery } from "~/http/search-query";
import { refusalText } from "~/i18n/refusal-text";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · Outside frameworks` : "Outside framework · FRAC Studio" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const source = params.id && params.id.length <= 256 ? getSource({ id: params.id }) : null;
  if (!source) throw notFound(refusalText("page.noSuchSource"));
  const query = readSearchQuery(new URL(request.url).searchParams);
  return json({ ...source, query, matches: query ? matchEntries(source.entries, query) : null });
}

/** The entries whose statement or code holds every word of the query (any case, any script). */
function matchEntries<E extends { fullStatement: string; abbreviatedStatement: string | null; humanCodingScheme: string | null }>(entries: E[], query: string): E[] {
  const fold = (text: string) => text.normalize("NFC").toLocaleLowerCase();
  const words = fold(query).split(/\s+/u).filter(Boolean);
  return entries.filter((e) => {
    const text = fold([e.fullStatement, e.abbreviatedStatement ?? "", e.humanCodingScheme ?? ""].join(" "));
    return words.every((w) => text.includes(w));
  });
}

export default function Source() {
  const s = useLoaderData<typeof loader>();
  const { t } = useTranslation("dictionary-sources");
  const format = useFormat();
  return (
    <article className="dict-entry">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/dictionary">{t("sources.breadcrumbDictionary")}</Link> <span aria-hidden="true">›</span> <Link to="/dictionary/sources">{t("sources.title")}</Link>
      </nav>
      <h1>{s.title}</h1>
      <dl className="facts">
        <div><dt>{t("source.identifier")}</dt><dd><code>{s.id}</code></dd></div>
        {s.creator ? <div><dt>{t("source.creator")}</dt><dd>{s.creator}</dd></div> : null}
        {s.version ? <div><dt>{t("source.version")}</dt><dd>{s.version}</dd></div> : null}
        <div><dt>{t("source.format")}</dt><dd>{t("sources.caseVersion", { version: s.caseVersion ?? "1.0" })}</dd></div>
        {s.lastChangeDateTime ? <div><dt>{t("source.lastChange")}</dt><dd>{s.lastChangeDateTime}</dd></div> : null}
        <div><dt>{t("source.imported")}</dt><dd>{format.date(s.updatedAt)}</dd></div>
      </dl>
      {s.description ? <p>{s.description}</p> : null}
      <h2>{t("source.entriesHeading", { count: s.entries.length })}</h2>
      <Form method="get" role="search" className="inline-form">
        <div className="field">
          <label htmlFor="source-q">{t("source.searchLabel")}</label>
          <input id="source-q" name="q" type="search" defaultValue={s.query} maxLength={200} />
        </div>
        <button type="submit" className="button">
          {t("source.searchButton")}
        </button>
        {s.query ? <Link to="?">{t("source.clear")}</Link> : null}
      </Form>
      {s.matches ? (
        <>
          <p role="status">{t("source.matches", { count: s.matches.length, query: s.query })}</p>
          <ul className="source-matches">
            {s.matches.map((e) => (
              <li key={e.id}>
                {e.humanCodingScheme ? <code className="small">{e.humanCodingScheme}</code> : null}{" "}
                <Link to={`/dictionary/${encodeURIComponent(e.id)}`}>{e.abbreviatedStatement || e.fullStatement}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <ul className="source-tree">
          {s.entries.map((e) => (
            <li key={e.id} style={{ marginInlineStart: `${Math.min(e.depth, 8) * 1.25}rem` }}>
              {e.humanCodingScheme ? <code className="small">{e.humanCodingScheme}</code> : null}{" "}
              <Link to={`/dictionary/${encodeURIComponent(e.id)}`}>{e.abbreviatedStatement || e.fullStatement}</Link>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
