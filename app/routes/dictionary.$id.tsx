import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getDictionaryEntry } from "~/models/dictionary/dictionary.server";
import { hasCbcRole, requireUser } from "~/http/auth.server";
import { notFound } from "~/http/errors.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, "dictionary:entryTitle", `${data.name} · Competency dictionary`, { name: data.name }) : pageTitle(matches, "dictionary:entryFallback", "Competency");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw notFound("No such competency: the address does not hold a valid id.");
  const mdoIds = user.memberships.flatMap((m) => (m.mdoId ? [m.mdoId] : []));
  const entry = getDictionaryEntry({ id: id.data, mdoIds, allMdos: hasCbcRole(user) });
  if (!entry) throw notFound("No such competency in the dictionary.");
  return json(entry);
}

export default function DictionaryEntry() {
  const e = useLoaderData<typeof loader>();
  const { t } = useTranslation("dictionary");
  return (
    <article className="dict-entry">
      <nav aria-label={t("common:breadcrumb")} className="breadcrumb">
        <Link to="/dictionary">{t("common:nav.dictionary")}</Link> <span aria-hidden="true">›</span> <span>{t(`common:competencyType.${e.type}`)}</span>
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
        <div><dt>{t("type")}</dt><dd>{t(`common:competencyType.${e.type}`)}</dd></div>
        {e.code ? <div><dt>{t("kcmCode")}</dt><dd><code>{e.code}</code></dd></div> : null}
        <div><dt>{e.parent ? t("subThemeOf") : t("level")}</dt><dd>{e.parent ? e.parent.name : t("theme")}</dd></div>
        {e.mdoName ? <div><dt>{t("ownedBy")}</dt><dd>{e.mdoName}</dd></div> : null}
        {e.source ? <div><dt>{t("source")}</dt><dd>{e.source}</dd></div> : null}
      </dl>
      <h2>{t("description")}</h2>
      <p>{e.description || <span className="muted">{t("noDescription")}</span>}</p>
      <h2>{t("levels")}</h2>
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
          <h2>{t("subThemes")}</h2>
          <ul>
            {e.subThemes.map((s) => (
              <li key={s.id}>
                <Link to={`/dictionary/${s.id}`}>{s.name}</Link> {s.code ? <code className="small">{s.code}</code> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}
