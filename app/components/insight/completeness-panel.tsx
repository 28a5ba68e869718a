import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BilingualName } from "~/components/bilingual-name";
import type { CompletenessSummary } from "@schemas/completeness";

/**
 * A framework's completeness: the score in the summary, and when opened each item (how many of how
 * many, its weight, a few of what lacks it) and every position's own score with a link to its profile.
 */
export function CompletenessPanel({ completeness, profileBase }: { completeness: CompletenessSummary; profileBase: string }) {
  const { t } = useTranslation("profiles");
  return (
    <details className="panel completeness">
      <summary>
        {t("completeness.summary")} <strong className="score">{t("completeness.score", { score: completeness.score })}</strong>{" "}
        <meter min={0} max={100} low={50} high={80} optimum={100} value={completeness.score} aria-hidden="true" />
      </summary>
      <p className="muted small">{t("completeness.rule")}</p>
      <table className="completeness-items">
        <caption className="sr-only">{t("completeness.itemsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("completeness.item")}</th>
            <th scope="col">{t("completeness.done")}</th>
            <th scope="col">{t("completeness.weight")}</th>
            <th scope="col">{t("completeness.missing")}</th>
          </tr>
        </thead>
        <tbody>
          {completeness.items.map((item) => (
            <tr key={item.key}>
              <th scope="row">{t(`completeness.items.${item.key}`)}</th>
              <td>{item.total === 0 ? t("completeness.noneYet") : t("completeness.ofTotal", { done: item.done, total: item.total })}</td>
              <td>{item.weight}</td>
              <td>{item.missing.map((m) => m.name).join("; ")}{item.total - item.done > item.missing.length ? ` ${t("completeness.andMore", { n: item.total - item.done - item.missing.length })}` : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {completeness.positions.length ? (
        <>
          <h3>{t("completeness.perPosition")}</h3>
          <ul className="completeness-positions">
            {completeness.positions.map((p) => (
              <li key={p.id}>
                <Link to={`${profileBase}/${p.id}`}>
                  <BilingualName name={p.name} nameHi={p.nameHi} />
                </Link>{" "}
                <span className="score">{t("completeness.score", { score: p.score })}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </details>
  );
}
