import { useTranslation } from "react-i18next";
import type { DashboardStatus } from "@schemas/dashboard-query";
import { useFormat } from "~/i18n/format";
import { BarChart } from "./bar-chart";

type Props = {
  byStatus: { status: DashboardStatus; count: number }[];
  byTurnaround: { band: number; upTo: number | null; count: number }[];
  /** The upper bound of the band before the open one (the open band is "over" it). */
  lastBound: number;
};

/** The dashboard's two progress charts: ministries per state, and how long review took. */
export function DashboardCharts({ byStatus, byTurnaround, lastBound }: Props) {
  const { t } = useTranslation("cbc");
  const f = useFormat();
  const anyTurnaround = byTurnaround.some((b) => b.count > 0);
  return (
    <div className="chart-grid">
      <BarChart
        title={t("charts.statusTitle")}
        labelHeading={t("charts.state")}
        valueHeading={t("charts.ministries")}
        tableToggle={t("charts.tableAlternative")}
        data={byStatus.map((s) => ({ key: s.status, label: t(`states.${s.status}`), value: s.count, valueText: f.number(s.count) }))}
      />
      {anyTurnaround ? (
        <BarChart
          title={t("charts.turnaroundTitle")}
          note={t("charts.turnaroundNote")}
          labelHeading={t("charts.band")}
          valueHeading={t("charts.ministries")}
          tableToggle={t("charts.tableAlternative")}
          tone="accent"
          data={byTurnaround.map((b) => ({
            key: String(b.band),
            label: b.upTo === null ? t("charts.bandOver", { over: lastBound }) : t("charts.bandUpTo", { upTo: b.upTo }),
            value: b.count,
            valueText: f.number(b.count),
          }))}
        />
      ) : (
        <section className="chart">
          <h2 className="chart-title">{t("charts.turnaroundTitle")}</h2>
          <p className="empty">{t("charts.noTurnaround")}</p>
        </section>
      )}
    </div>
  );
}
