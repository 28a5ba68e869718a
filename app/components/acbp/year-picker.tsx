import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { financialYearLabel } from "@schemas/acbp";

/** A plain GET form that picks the financial year of the plan (works without JavaScript). */
export function YearPicker({ year, current, years }: { year: number; current: number; years: number[] }) {
  const { t } = useTranslation("acbp");
  return (
    <Form method="get" className="inline-form acbp-year">
      <div className="field">
        <label htmlFor="acbp-year">{t("year.label")}</label>
        <select id="acbp-year" name="year" defaultValue={String(year)}>
          {years.map((y) => {
            const label = t("year.option", { label: financialYearLabel(y) });
            return (
              <option key={y} value={y}>
                {y === current ? t("year.current", { label }) : label}
              </option>
            );
          })}
        </select>
      </div>
      <button type="submit" className="button">
        {t("year.show")}
      </button>
    </Form>
  );
}
