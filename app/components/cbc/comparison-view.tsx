import { useTranslation } from "react-i18next";
import type { FrameworkComparison } from "@schemas/compare";
import { useFormat } from "~/i18n/format";

type Source = { kind: "version"; number: number; publishedAt: string } | { kind: "draft"; revision: number };
type Side = { code: string; name: string };
export type ComparisonResult = FrameworkComparison & { a: Side; b: Side; sources: { a: Source; b: Source } };

/** The comparison of two frameworks: what each side reads, shared competencies with levels side by side, similar roles, and what only one needs. */
export function ComparisonView({ result }: { result: ComparisonResult }) {
  const { t } = useTranslation("cbc");
  const f = useFormat();
  const { a, b, sources, shared, onlyA, onlyB, roles } = result;
  const source = (side: Side, s: Source) =>
    s.kind === "version" ? t("compare.sourceVersion", { code: side.code, number: s.number, date: f.date(s.publishedAt) }) : t("compare.sourceDraft", { code: side.code, revision: s.revision });
  const level = (n: number | null) => (n === null ? <span className="muted">{t("compare.missing")}</span> : n);
  return (
    <>
      <ul className="compare-sources">
        <li>{source(a, sources.a)}</li>
        <li>{source(b, sources.b)}</li>
      </ul>
      <p>{t("compare.summary", { shared: f.number(shared.length), onlyA: f.number(onlyA.length), onlyB: f.number(onlyB.length), a: a.code, b: b.code, roles: f.number(roles.length) })}</p>

      <section className="panel" aria-labelledby="shared-title">
        <h2 id="shared-title">{t("compare.competenciesTitle")}</h2>
        {shared.length === 0 ? (
          <p className="empty">{t("compare.noSharedCompetencies")}</p>
        ) : (
          <div className="cbc-table-box" role="region" aria-labelledby="shared-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="shared-caption" className="sr-only">
                {t("compare.competenciesCaption")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("charts.competency")}</th>
                  <th scope="col">{t("charts.type")}</th>
                  <th scope="col" className="num">{t("compare.levelIn", { code: a.code })}</th>
                  <th scope="col" className="num">{t("compare.levelIn", { code: b.code })}</th>
                  <th scope="col" className="num">{t("compare.positionsIn", { code: a.code })}</th>
                  <th scope="col" className="num">{t("compare.positionsIn", { code: b.code })}</th>
                </tr>
              </thead>
              <tbody>
                {shared.map((s) => (
                  <tr key={s.competency.id}>
                    <th scope="row">
                      {s.competency.name} {s.competency.code ? <code className="small">{s.competency.code}</code> : null}
                    </th>
                    <td>{t(`common:competencyType.${s.competency.type}`)}</td>
                    <td className={s.a.level !== s.b.level ? "num level-gap" : "num"}>{s.a.level}</td>
                    <td className={s.a.level !== s.b.level ? "num level-gap" : "num"}>{s.b.level}</td>
                    <td className="num">{f.number(s.a.positions)}</td>
                    <td className="num">{f.number(s.b.positions)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="roles-title">
        <h2 id="roles-title">{t("compare.rolesTitle")}</h2>
        {roles.length === 0 ? (
          <p className="empty">{t("compare.noSharedRoles")}</p>
        ) : (
          <div className="cbc-table-box" role="region" aria-labelledby="roles-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="roles-caption" className="sr-only">
                {t("compare.rolesCaption")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("compare.roleIn", { code: a.code })}</th>
                  <th scope="col">{t("compare.roleIn", { code: b.code })}</th>
                  <th scope="col" className="num">{t("compare.alike")}</th>
                  <th scope="col">{t("compare.requirements", { a: a.code, b: b.code })}</th>
                </tr>
              </thead>
              <tbody>
                {roles.map((r) => (
                  <tr key={`${r.a.id} ${r.b.id}`}>
                    <th scope="row">{r.a.name}</th>
                    <td>{r.b.name}</td>
                    <td className="num">{t("table.percent", { value: f.number(Math.round(r.score * 100)) })}</td>
                    <td>
                      <ul className="small compact-list">
                        {r.requirements.map((q) => (
                          <li key={q.competency.id}>
                            {q.competency.name}: {level(q.a)} / {level(q.b)}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="only-title">
        <h2 id="only-title">{t("compare.onlyTitle")}</h2>
        {[
          { side: a, list: onlyA },
          { side: b, list: onlyB },
        ].map(({ side, list }) => (
          <details key={side.code}>
            <summary>{t("compare.onlyIn", { code: side.code, count: list.length })}</summary>
            <ul className="small">
              {list.map((o) => (
                <li key={o.competency.id}>
                  {o.competency.name} ({t("common:level", { level: o.need.level })}, {t("charts.positions")}: {f.number(o.need.positions)})
                </li>
              ))}
            </ul>
          </details>
        ))}
      </section>
    </>
  );
}
