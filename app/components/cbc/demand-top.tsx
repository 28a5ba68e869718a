import { useTranslation } from "react-i18next";
import type { CompetencyType } from "@schemas/enums";
import { useFormat } from "~/i18n/format";
import { BarChart } from "./bar-chart";

export type TopDemandView = {
  competency: { id: string; code: string | null; name: string; type: CompetencyType };
  positions: number;
  posts: number;
  levels: { level: number; positions: number }[];
};

/** The competencies most in demand across published frameworks: a chart of positions, and the full table with posts and levels. */
export function DemandTop({ rows }: { rows: TopDemandView[] }) {
  const { t } = useTranslation("cbc");
  const f = useFormat();
  return (
    <section className="panel" aria-labelledby="demand-title">
      <h2 id="demand-title">{t("charts.demandTitle")}</h2>
      <p className="small muted">{t("charts.demandNote")}</p>
      {rows.length === 0 ? (
        <p className="empty">{t("charts.noDemand")}</p>
      ) : (
        <>
          <BarChart
            title={t("charts.demandTitle")}
            labelHeading={t("charts.competency")}
            valueHeading={t("charts.positions")}
            tableToggle={t("charts.tableAlternative")}
            tone="ok"
            table="follows"
            data={rows.map((r) => ({ key: r.competency.id, label: r.competency.name, value: r.positions, valueText: f.number(r.positions) }))}
          />
          <div className="cbc-table-box" role="region" aria-labelledby="demand-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="demand-caption" className="sr-only">
                {t("charts.demandTitle")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("charts.competency")}</th>
                  <th scope="col">{t("charts.type")}</th>
                  <th scope="col" className="num">{t("charts.positions")}</th>
                  <th scope="col" className="num">{t("charts.posts")}</th>
                  <th scope="col">{t("charts.levels")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.competency.id}>
                    <th scope="row">
                      <a href={`/dictionary/${r.competency.id}`}>{r.competency.name}</a> {r.competency.code ? <code className="small">{r.competency.code}</code> : null}
                    </th>
                    <td>{t(`common:competencyType.${r.competency.type}`)}</td>
                    <td className="num">{f.number(r.positions)}</td>
                    <td className="num">{f.number(r.posts)}</td>
                    <td className="small">{r.levels.map((l) => t("charts.levelCount", { level: l.level, n: f.number(l.positions) })).join(" · ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
