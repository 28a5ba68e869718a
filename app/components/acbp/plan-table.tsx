import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ACBP_LENSES, ACBP_MODES, ACBP_QUARTERS, financialYearLabel, type AcbpLine } from "@schemas/acbp";
import { useFormat } from "~/i18n/format";

type Props = {
  year: number;
  source: number;
  lines: AcbpLine[];
  editable: boolean;
  busy: boolean;
  /** Problems of the last post, each on the form field it names. */
  problems: { field: string; message: string }[];
  /** The fields of a refused post, shown again so nothing typed is lost; null shows the plan as loaded. */
  values: Record<string, string> | null;
};

/**
 * The plan's rows: the demand columns, then the ministry's choices. For an author the choices are
 * fields of one plain form (`row-N-…`, read by schemas/acbp-form.ts); for everyone else, text.
 */
export function PlanTable({ year, source, lines, editable, busy, problems, values }: Props) {
  const { t } = useTranslation("acbp");
  const f = useFormat();
  const problemOf = new Map(problems.map((p) => [p.field, p.message]));
  const fy = financialYearLabel(year);
  const quarterText = (q: number) => t("quarter.q", { quarter: q, months: t(`quarter.months${q}`) });
  const officials = lines.reduce((n, l) => n + l.officials, 0);

  const table = (
    <div className="acbp-scroll" tabIndex={0} role="group" aria-label={t("caption", { year: fy, count: lines.length })}>
      <table className="data-table acbp-table">
        <caption>{t("caption", { year: fy, count: lines.length })}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">{t("col.no")}</th>
            <th scope="col">{t("col.competency")}</th>
            <th scope="col" className="num">{t("col.level")}</th>
            <th scope="col">{t("col.importance")}</th>
            <th scope="col" className="num">{t("col.positions")}</th>
            <th scope="col" className="num">{t("col.posts")}</th>
            <th scope="col" className="num">{t("col.priority")}</th>
            <th scope="col">{t("col.lenses")}</th>
            <th scope="col">{t("col.mode")}</th>
            <th scope="col">{t("col.officials")}</th>
            <th scope="col">{t("col.quarter")}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => {
            const name = `row-${i}`;
            const label = t("rowLabel", { name: l.competency.name, level: l.level });
            const err = (field: string) => problemOf.get(`${name}-${field}`);
            const described = (field: string) => (err(field) ? { "aria-invalid": true, "aria-describedby": `${name}-${field}-error` } : {});
            const errorText = (field: string) =>
              err(field) ? (
                <p id={`${name}-${field}-error`} className="field-error small">
                  {err(field)}
                </p>
              ) : null;
            const posted = (field: string) => values?.[`${name}-${field}`];
            const lensError = [...problemOf.entries()].find(([k]) => k.startsWith(`${name}-lens-`))?.[1];
            return (
              <tr key={`${l.competency.id} ${l.level}`} className={l.planned ? "acbp-planned" : undefined}>
                <td className="num">{i + 1}</td>
                <th scope="row">
                  {l.competency.name}
                  <span className="req-type">
                    {" "}
                    · {t(`type.${l.competency.type}`)}
                    {l.competency.code ? ` · ${l.competency.code}` : ""}
                  </span>
                  {editable ? (
                    <>
                      <input type="hidden" name={`${name}-competency`} value={l.competency.id} />
                      <input type="hidden" name={`${name}-level`} value={l.level} />
                    </>
                  ) : null}
                  {errorText("competency")}
                </th>
                <td className="num">{l.level}</td>
                <td>{l.importance ? t(`importance.${l.importance}`) : <span className="muted">{t("notRated")}</span>}</td>
                <td className="num">{f.number(l.positions)}</td>
                <td className="num">{f.number(l.posts)}</td>
                <td className="num">{f.number(l.priority)}</td>
                <td>
                  {editable ? (
                    <fieldset className="acbp-lenses" {...(lensError ? { "aria-invalid": true, "aria-describedby": `${name}-lens-error` } : {})}>
                      <legend className="sr-only">{`${t("col.lenses")}: ${label}`}</legend>
                      {ACBP_LENSES.map((lens) => (
                        <label key={lens} className="acbp-check">
                          <input
                            type="checkbox"
                            name={`${name}-lens-${lens}`}
                            defaultChecked={values ? posted(`lens-${lens}`) !== undefined : l.lenses.includes(lens)}
                          />{" "}
                          {t(`lens.${lens}`)}
                        </label>
                      ))}
                      {lensError ? (
                        <p id={`${name}-lens-error`} className="field-error small">
                          {lensError}
                        </p>
                      ) : null}
                    </fieldset>
                  ) : (
                    f.list(l.lenses.map((lens) => t(`lens.${lens}`)))
                  )}
                </td>
                <td>
                  {editable ? (
                    <>
                      <label className="sr-only" htmlFor={`${name}-mode`}>{`${t("col.mode")}: ${label}`}</label>
                      <select id={`${name}-mode`} name={`${name}-mode`} defaultValue={posted("mode") ?? l.mode ?? ""} {...described("mode")}>
                        <option value="">{t("mode.none")}</option>
                        {ACBP_MODES.map((m) => (
                          <option key={m} value={m}>
                            {t(`mode.${m}`)}
                          </option>
                        ))}
                      </select>
                      {errorText("mode")}
                    </>
                  ) : l.mode ? (
                    t(`mode.${l.mode}`)
                  ) : null}
                </td>
                <td>
                  {editable ? (
                    <>
                      <label className="sr-only" htmlFor={`${name}-officials`}>{`${t("col.officials")}: ${label}`}</label>
                      <input
                        id={`${name}-officials`}
                        name={`${name}-officials`}
                        className="acbp-officials"
                        type="number"
                        min={0}
                        step={1}
                        inputMode="numeric"
                        defaultValue={posted("officials") ?? String(l.officials)}
                        {...described("officials")}
                      />
                      {errorText("officials")}
                    </>
                  ) : (
                    <span className="num">{f.number(l.officials)}</span>
                  )}
                </td>
                <td>
                  {editable ? (
                    <>
                      <label className="sr-only" htmlFor={`${name}-quarter`}>{`${t("col.quarter")}: ${label}`}</label>
                      <select id={`${name}-quarter`} name={`${name}-quarter`} defaultValue={posted("quarter") ?? (l.quarter ? String(l.quarter) : "")} {...described("quarter")}>
                        <option value="">{t("quarter.none")}</option>
                        {ACBP_QUARTERS.map((q) => (
                          <option key={q} value={q}>
                            {quarterText(q)}
                          </option>
                        ))}
                      </select>
                      {errorText("quarter")}
                    </>
                  ) : l.quarter ? (
                    quarterText(l.quarter)
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );

  if (!editable) {
    return (
      <>
        {table}
        <p className="muted">{t("totals", { officials: f.number(officials), count: lines.length })}</p>
      </>
    );
  }
  return (
    <Form method="post" className="acbp-form" noValidate>
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="source" value={source} />
      {problems.length ? (
        <div className="form-error" role="alert">
          <p>{t("problems", { count: problems.length })}</p>
          <ul>
            {problems.slice(0, 10).map((p) => (
              <li key={`${p.field} ${p.message}`}>{p.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {table}
      <p className="muted">{t("totals", { officials: f.number(officials), count: lines.length })}</p>
      <button type="submit" className="button primary" disabled={busy}>
        {t("save", { year: fy })}
      </button>
    </Form>
  );
}
