import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BilingualName } from "~/components/bilingual-name";
import { listDictionary } from "~/models/dictionary/dictionary.server";
import { hasCbcRole, requireUser } from "~/http/auth.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "dictionary:title", "Competency dictionary");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const mdoIds = user.memberships.flatMap((m) => (m.mdoId ? [m.mdoId] : []));
  return json(listDictionary({ mdoIds, allMdos: hasCbcRole(user) }));
}

export default function Dictionary() {
  const data = useLoaderData<typeof loader>();
  const scale = data.Behavioural[0]?.scale;
  const { t } = useTranslation("dictionary");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
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
              {theme.description ? <p>{theme.description}</p> : null}
              <p>
                <Link to={`/dictionary/${theme.id}`}>{t("openEntry", { name: theme.name })}</Link>
              </p>
              <ul className="dict-subthemes">
                {theme.subThemes.map((s) => (
                  <li key={s.id}>
                    <Link to={`/dictionary/${s.id}`}>
                      <BilingualName name={s.name} nameHi={s.nameHi} />
                    </Link> {s.code ? <code className="small">{s.code}</code> : null}
                    {s.description ? <p className="muted small">{s.description}</p> : null}
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </section>
      ))}
      {scale ? (
        <section aria-labelledby="h-scale" className="dict-type">
          <h2 id="h-scale">{t("defaultScale")}</h2>
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
