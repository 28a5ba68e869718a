import { useTranslation } from "react-i18next";
import type { HeatMap } from "@schemas/heatmap";
import { localName } from "~/i18n/content";
import { DEFAULT_LANGUAGE, isLanguage } from "~/i18n/i18n";

/**
 * The heat map as an HTML table (positions as row headings, competencies as column headings, the
 * level as the cell's text and its colour), in a box of its own that scrolls both ways with the
 * headings kept in view: the chart's alternative for screen readers and for reading exact values.
 */
export function HeatMapTable({ map }: { map: HeatMap }) {
  const { t, i18n } = useTranslation("cbc");
  const lang = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  // why one name, not both: the headings are narrow; a Hindi page shows the Hindi name where there is one.
  const named = (x: { name: string; nameHi: string | null }) => {
    const shown = localName(x, lang);
    return <span lang={shown.lang}>{shown.text}</span>;
  };
  return (
    <div className="heatmap-box" role="region" aria-label={t("heatmap.region")} tabIndex={0}>
      <table className="heatmap">
        <caption className="sr-only">{t("heatmap.caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="heatmap-corner">
              {t("heatmap.position")}
            </th>
            {map.columns.map((c) => (
              <th key={c.id} scope="col" className="heatmap-competency" title={[c.name, c.nameHi, c.code ? `(${c.code})` : null].filter(Boolean).join(" ")}>
                {named(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {map.rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{named(r)}</th>
              {map.columns.map((c, i) => {
                const level = r.levels.charCodeAt(i) - 48;
                return level > 0 ? (
                  <td key={c.id} className={`heat-${Math.min(level, 5)}`}>
                    {level}
                  </td>
                ) : (
                  <td key={c.id} />
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
