import { useTranslation } from "react-i18next";
import type { HeatMap } from "@schemas/heatmap";
import { useFormat } from "~/i18n/format";
import { localName } from "~/i18n/content";
import { DEFAULT_LANGUAGE, isLanguage } from "~/i18n/i18n";
import { HeatMapChart } from "./heat-map-chart";
import { HeatMapTable } from "./heat-map-table";

const LEVELS = [1, 2, 3, 4, 5] as const;

/**
 * A framework's heat map: its size, the colour legend, the chart, and the same values as a table
 * and as a list, each in a <details> that anyone (keyboard, screen reader, mouse) can open
 * (docs/decisions/032).
 */
export function HeatMapView({ map }: { map: HeatMap }) {
  const { t, i18n } = useTranslation("cbc");
  const f = useFormat();
  const lang = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  if (map.rows.length === 0 || map.columns.length === 0) return <p className="empty">{t("heatmap.empty")}</p>;
  return (
    <>
      <p className="small">{t("heatmap.counts", { positions: f.number(map.rows.length), competencies: f.number(map.columns.length) })}</p>
      <ul className="heat-legend" aria-label={t("heatmap.legend")}>
        <li>{t("heatmap.legend")}:</li>
        {LEVELS.map((l) => (
          <li key={l}>
            <span className={`heat-swatch heat-${l}`}>{l}</span>
          </li>
        ))}
      </ul>
      <HeatMapChart map={map} />
      <details className="chart-table heat-table-toggle">
        <summary>{t("heatmap.tableAlternative")}</summary>
        <HeatMapTable map={map} />
      </details>
      <details className="chart-table">
        <summary>{t("heatmap.listAlternative")}</summary>
        <ul className="small">
          {map.rows.map((r) => {
            const shown = localName(r, lang);
            return (
              <li key={r.id}>
                <strong lang={shown.lang}>{shown.text}</strong>:{" "}
                {map.columns
                  .flatMap((c, i) => {
                    const level = r.levels.charCodeAt(i) - 48;
                    return level > 0 ? [`${localName(c, lang).text} ${t("common:level", { level })}`] : [];
                  })
                  .join("; ") || t("common:none")}
              </li>
            );
          })}
        </ul>
      </details>
    </>
  );
}
