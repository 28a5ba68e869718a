import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getSource } from "~/models/dictionary/sources.server";
import { requireUser } from "~/http/auth.server";
import { useFormat } from "~/i18n/format";
import { notFound } from "~/http/errors.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} · Outside frameworks` : "Outside framework · FRAC Studio" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const source = params.id && params.id.length <= 256 ? getSource({ id: params.id }) : null;
  if (!source) throw notFound("No outside framework with this identifier.");
  return json(source);
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
      <ul className="source-tree">
        {s.entries.map((e) => (
          <li key={e.id} style={{ marginInlineStart: `${Math.min(e.depth, 8) * 1.25}rem` }}>
            {e.humanCodingScheme ? <code className="small">{e.humanCodingScheme}</code> : null}{" "}
            <Link to={`/dictionary/${encodeURIComponent(e.id)}`}>{e.abbreviatedStatement || e.fullStatement}</Link>
          </li>
        ))}
      </ul>
    </article>
  );
}
