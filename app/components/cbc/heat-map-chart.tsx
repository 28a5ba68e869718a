import { HeatmapRect } from "@visx/heatmap";
import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { HeatMap } from "@schemas/heatmap";
import { useFormat } from "~/i18n/format";
import { DEFAULT_LANGUAGE, isLanguage } from "~/i18n/i18n";
import { LABEL_PAD, heatMapLayout, tileCentre } from "./heat-map-layout";

const LEVELS = [1, 2, 3, 4, 5] as const;
/**
 * Up to this many tiles each carries a tooltip naming its position, competency and level; past it
 * (a map of thousands) they would weigh about as much as the rest of the chart, and the sticky names and the
 * table still say the same.
 */
export const TILE_TOOLTIPS_UP_TO = 2_000;

/**
 * The heat map drawn as SVG on the server (@visx/heatmap places the tiles): positions as rows,
 * competencies as columns, each needed level a tile in the heat-1…heat-5 colours with its digit.
 * Four SVGs in a grid, so that the names stay in view while the cells scroll inside their own box
 * (the names' strips are sticky). It is one picture to assistive technology, summarised in its
 * label; the table alternative that follows it carries every value (docs/decisions/032).
 */
export function HeatMapChart({ map }: { map: HeatMap }) {
  const { t, i18n } = useTranslation("cbc");
  const f = useFormat();
  const lang = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  const tile = `heat-tile-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const layout = heatMapLayout(map, lang);
  const tooltips = layout.filled <= TILE_TOOLTIPS_UP_TO;
  const { cell, gap, rowLabelWidth, columnLabelHeight, gridWidth, gridHeight, rows, columns } = layout;
  const summary = t("heatmap.chartLabel", {
    positions: f.number(rows.length),
    competencies: f.number(columns.length),
    requirements: f.number(layout.filled),
    byLevel: LEVELS.filter((l) => layout.byLevel[l - 1]! > 0)
      .map((l) => t("heatmap.levelCount", { level: l, n: f.number(layout.byLevel[l - 1]!) }))
      .join(", "),
  });
  return (
    <div className="heatmap-box heat-chart-box" role="region" aria-label={t("heatmap.chartRegion")} tabIndex={0}>
      <div className="heat-chart" role="img" aria-label={summary}>
        <svg className="heat-corner" width={rowLabelWidth} height={columnLabelHeight} aria-hidden="true" focusable="false">
          <text x={LABEL_PAD} y={columnLabelHeight - LABEL_PAD} className="heat-axis-title">
            {t("heatmap.position")}
          </text>
        </svg>
        <svg className="heat-columns" width={gridWidth} height={columnLabelHeight} aria-hidden="true" focusable="false">
          {columns.map((c, i) => (
            <text key={map.columns[i]!.id} lang={c.lang} transform={`translate(${tileCentre(i)} ${columnLabelHeight - LABEL_PAD}) rotate(-90)`} className="heat-name">
              <title>{c.full}</title>
              {c.text}
            </text>
          ))}
        </svg>
        <svg className="heat-rows" width={rowLabelWidth} height={gridHeight} aria-hidden="true" focusable="false">
          {rows.map((r, i) => (
            <text key={map.rows[i]!.id} lang={r.lang} x={LABEL_PAD} y={tileCentre(i)} className="heat-name">
              <title>{r.full}</title>
              {r.text}
            </text>
          ))}
        </svg>
        <svg className="heat-cells" width={gridWidth} height={gridHeight} aria-hidden="true" focusable="false">
          <defs>
            <pattern id={tile} width={cell} height={cell} patternUnits="userSpaceOnUse">
              <rect x={gap} y={gap} width={cell - gap} height={cell - gap} className="heat-empty" />
            </pattern>
          </defs>
          <rect width={gridWidth} height={gridHeight} fill={`url(#${tile})`} />
          <HeatmapRect<number[], number> data={layout.bins} bins={(column) => column} count={(level) => level} xScale={(i) => i * cell} yScale={(i) => i * cell} binWidth={cell} binHeight={cell} gap={gap} x0={gap}>
            {(tiles) => {
              // why buckets: one group per level carries the colour (a class), not each of the hundreds of tiles.
              const byLevel: ReactNode[][] = [[], [], [], [], []];
              for (const column of tiles)
                for (const c of column) {
                  const level = c.count ?? 0;
                  if (level <= 0) continue;
                  byLevel[Math.min(level, 5) - 1]!.push(
                    <rect key={`${c.row}-${c.column}`} x={c.x} y={c.y} width={c.width} height={c.height}>
                      {tooltips ? <title>{t("heatmap.cell", { position: rows[c.row]!.name, competency: columns[c.column]!.name, level })}</title> : null}
                    </rect>,
                    <text key={`${c.row}-${c.column}-n`} x={c.x + c.width / 2} y={c.y + c.height / 2}>
                      {level}
                    </text>,
                  );
                }
              return LEVELS.map((l) => (
                <g key={l} className={`heat-level heat-${l}`}>
                  {byLevel[l - 1]}
                </g>
              ));
            }}
          </HeatmapRect>
        </svg>
      </div>
    </div>
  );
}
