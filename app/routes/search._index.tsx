/** `/search?q=…`: everything the user may see that matches, grouped by kind. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FRAMEWORK_NODE_KINDS } from "@schemas/enums";
import { useHitPlace } from "~/components/search-box";
import { hitHref } from "@schemas/search-hit";
import { searchEntries, searchNodes, type SearchHit } from "~/models/search/search.server";
import { requireUser } from "~/http/auth.server";
import { getServerT } from "~/i18n/i18n.server";
import { readSearchQuery } from "~/http/search-query";
import { searchViewer } from "~/http/search-viewer.server";
import { usePageLanguage } from "~/components/bilingual-name";
import { localName, otherName } from "~/i18n/content";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Search · FRAC Studio" }];

const GROUPS = ["competency", ...FRAMEWORK_NODE_KINDS] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = readSearchQuery(new URL(request.url).searchParams);
  const t = await getServerT(request, "search");
  const title = `${query ? `${query} · ` : ""}${t("page.title")} · FRAC Studio`;
  if (!query) return json({ query, title, groups: [], fuzzy: false, total: 0 });
  const viewer = searchViewer(user);
  const entries = searchEntries({ query, viewer, limit: 25 });
  const nodes = searchNodes({ query, viewer, limit: 75 });
  const view = (h: SearchHit) => ({ ...h, href: hitHref(h) });
  const groups = GROUPS.map((kind) => ({ kind, hits: [...entries, ...nodes].filter((h) => h.kind === kind).map(view) })).filter((g) => g.hits.length);
  const fuzzy = [...entries, ...nodes].some((h) => h.matched === "similar");
  return json({ query, title, groups, fuzzy, total: entries.length + nodes.length });
}

export default function SearchPage() {
  const { query, groups, fuzzy, total } = useLoaderData<typeof loader>();
  // Names in the page's language first (the other language after), as on every other page.
  const lang = usePageLanguage();
  const { t } = useTranslation("search");
  const place = useHitPlace();
  return (
    <div className="search-results">
      <h1>{t("page.heading")}</h1>
      <p className="muted">{t("page.intro")}</p>
      <Form method="get" className="search-form" role="search" aria-label={t("page.heading")}>
        <label htmlFor="search-page-q" className="sr-only">
          {t("box.label")}
        </label>
        <input id="search-page-q" name="q" type="search" defaultValue={query} maxLength={200} />
        <button type="submit" className="button primary">{t("box.submit")}</button>
      </Form>
      {!query ? <p className="empty">{t("page.empty")}</p> : null}
      {query && total === 0 ? <p className="empty">{t("page.none", { query })}</p> : null}
      {query && total > 0 ? <p role="status">{fuzzy ? t("page.similar", { query }) : t("page.count", { count: total, query })}</p> : null}
      {groups.map((g) => (
        <section key={g.kind} aria-labelledby={`results-${g.kind}`}>
          <h2 id={`results-${g.kind}`}>
            {t(`kind.${g.kind}`)} ({g.hits.length})
          </h2>
          <ul>
            {g.hits.map((h) => (
              <li key={`${h.scope}-${h.id}`}>
                <a href={h.href} lang={localName(h, lang).lang}>
                  {localName(h, lang).text}
                </a>
                {otherName(h, lang) ? <span lang={otherName(h, lang)!.lang}> · {otherName(h, lang)!.text}</span> : null}{" "}
                {h.code ? <code className="small">{h.code}</code> : null}{" "}
                <span className="small muted">
                  · {h.type ? `${t(`common:competencyType.${h.type}`, { defaultValue: h.type })} · ` : ""}
                  {h.theme ? `${h.theme} · ` : ""}
                  {place(h)}
                </span>
                {h.description ? <p className="small muted">{h.description.length > 220 ? `${h.description.slice(0, 220)}…` : h.description}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
