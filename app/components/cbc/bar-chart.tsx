import { AxisBottom } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import { useId, type ReactNode } from "react";

export type BarDatum = { key: string; label: string; value: number; valueText: string };

type Props = {
  title: string;
  note?: ReactNode;
  data: BarDatum[];
  /** Column headings of the table alternative: what each bar is, and what its value counts. */
  labelHeading: string;
  valueHeading: string;
  /** The table alternative's toggle text. */
  tableToggle: string;
  /** A class that colours this chart's bars (app/styles/cbc.css). */
  tone?: "brand" | "accent" | "ok";
  /** "follows": the page shows a fuller table of the same figures right after the chart, so no copy here. */
  table?: "own" | "follows";
};

const WIDTH = 360;
const ROW = 34;
const AXIS = 26;
const VALUE_ROOM = 48;

/**
 * A horizontal bar chart drawn as SVG on the server (visx: scales, bars and an axis as plain SVG
 * elements with attributes, so it needs no JavaScript and no inline script), each label above
 * its bar so long Hindi or English names fit a phone's width. The SVG is hidden from screen
 * readers: the same figures follow as a table, for them always and for anyone who opens it.
 */
export function BarChart({ title, note, data, labelHeading, valueHeading, tableToggle, tone = "brand", table = "own" }: Props) {
  const id = useId();
  const max = Math.max(1, ...data.map((d) => d.value));
  const x = scaleLinear<number>({ domain: [0, max], range: [0, WIDTH - VALUE_ROOM], nice: true });
  const height = data.length * ROW + AXIS;
  const ticks = Math.min(5, x.domain()[1]!);
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart-title">
        {title}
      </figcaption>
      {note ? <p className="chart-note small muted">{note}</p> : null}
      <svg className={`chart-svg chart-${tone}`} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" aria-hidden="true" focusable="false">
        {data.map((d, i) => (
          <Group key={d.key} top={i * ROW}>
            <text x={0} y={11} className="chart-label">
              {d.label}
            </text>
            <Bar x={0} y={15} width={Math.max(d.value > 0 ? 2 : 0, x(d.value))} height={14} rx={2} className="chart-bar" />
            <text x={x(d.value) + 6} y={26} className="chart-value">
              {d.valueText}
            </text>
          </Group>
        ))}
        <AxisBottom
          top={data.length * ROW + 2}
          scale={x}
          numTicks={ticks}
          tickFormat={(v) => String(v)}
          stroke="#8a95a3"
          tickStroke="#8a95a3"
          tickLabelProps={{ className: "chart-tick", fontSize: 10, fill: "#56616f", textAnchor: "middle" }}
        />
      </svg>
      {table === "follows" ? null : (
      <details className="chart-table">
        <summary>{tableToggle}</summary>
        <table className="data-table">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeading}</th>
              <th scope="col" className="num">
                {valueHeading}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.key}>
                <th scope="row">{d.label}</th>
                <td className="num">{d.valueText}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      )}
    </figure>
  );
}
