import { Link } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import type { CaseEntryRecord } from "@import/case-package";
import { MappingForm, UnmapButton } from "./mapping-form";

type Entry = Pick<CaseEntryRecord, "id" | "fullStatement" | "abbreviatedStatement" | "humanCodingScheme" | "itemType" | "language" | "notes" | "uri"> & {
  source: { id: string; title: string; creator: string };
  parent: { id: string; fullStatement: string; abbreviatedStatement: string | null } | null;
  children: { id: string; fullStatement: string; abbreviatedStatement: string | null; humanCodingScheme: string | null }[];
};
type Mapping = { id: string; relation: "exactMatch" | "broader" | "narrower" | "related"; competencyId: string; code: string | null; name: string; type: string };
type Choice = { id: string; code: string | null; name: string; type: string };

/** The page of an entry of an outside framework: what its source says, and its mappings to the KCM. */
export function SourceEntryView({ e, mappings, choices }: { e: Entry; mappings: Mapping[]; choices: Choice[] | null }) {
  const { t } = useTranslation("dictionary-sources");
  const short = (x: { fullStatement: string; abbreviatedStatement: string | null }) => x.abbreviatedStatement || x.fullStatement;
  return (
    <article className="dict-entry">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/dictionary">{t("sources.breadcrumbDictionary")}</Link> <span aria-hidden="true">›</span> <Link to="/dictionary/sources">{t("sources.title")}</Link>{" "}
        <span aria-hidden="true">›</span> <Link to={`/dictionary/sources/${encodeURIComponent(e.source.id)}`}>{e.source.title}</Link>
        {e.parent ? (
          <>
            {" "}
            <span aria-hidden="true">›</span> <Link to={`/dictionary/${encodeURIComponent(e.parent.id)}`}>{short(e.parent)}</Link>
          </>
        ) : null}
      </nav>
      <h1 lang={e.language ?? undefined}>{e.abbreviatedStatement || e.fullStatement}</h1>
      <dl className="facts">
        <div><dt>{t("entry.source")}</dt><dd>{e.source.title}{e.source.creator ? ` (${e.source.creator})` : ""}</dd></div>
        <div><dt>{t("source.identifier")}</dt><dd><code>{e.id}</code></dd></div>
        {e.humanCodingScheme ? <div><dt>{t("entry.code")}</dt><dd><code>{e.humanCodingScheme}</code></dd></div> : null}
        {e.itemType ? <div><dt>{t("entry.itemType")}</dt><dd>{e.itemType}</dd></div> : null}
        {e.language ? <div><dt>{t("entry.language")}</dt><dd>{e.language}</dd></div> : null}
      </dl>
      <h2>{t("entry.statement")}</h2>
      <p lang={e.language ?? undefined} className="pre-line">{e.fullStatement}</p>
      {e.notes ? <p className="muted pre-line">{e.notes}</p> : null}
      {e.children.length ? (
        <>
          <h2>{t("entry.children")}</h2>
          <ul>
            {e.children.map((c) => (
              <li key={c.id}>
                {c.humanCodingScheme ? <code className="small">{c.humanCodingScheme}</code> : null} <Link to={`/dictionary/${encodeURIComponent(c.id)}`}>{short(c)}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t("entry.mappingsHeading")}</h2>
      {mappings.length === 0 ? <p className="muted">{t("entry.notMapped")}</p> : null}
      <ul className="mapping-list">
        {mappings.map((m) => (
          <li key={m.id}>
            <Trans t={t} i18nKey="entry.mappedTo" values={{ relation: t(`relation.${m.relation}`), name: m.name }} components={{ anchor: <Link to={`/dictionary/${m.competencyId}`} /> }} /> {m.code ? <code className="small">{m.code}</code> : null}{" "}
            <span className="muted small">({m.type})</span>
            {choices ? <UnmapButton id={m.id} label={m.name} /> : null}
          </li>
        ))}
      </ul>
      {choices ? <MappingForm sourceEntryId={e.id} choices={choices} /> : null}
    </article>
  );
}
