import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ComparisonView } from "~/components/cbc/comparison-view";
import { requireCbcOrNotFound } from "~/http/cbc-access.server";
import { pageTitle } from "~/i18n/meta";
import { getMdoByCode, listActiveMdos } from "~/models/access/mdos.server";
import { compareMinistries } from "~/models/insight/compare.server";
import cbcStyles from "~/styles/cbc.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: cbcStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "cbc:compare.title", "Compare two ministries");

const CODE_MAX = 40;
type Problem = { key: "unknown" | "same" | "noFramework" | "onlyOne"; field: "a" | "b"; values: Record<string, string> };

/**
 * Two ministries' frameworks side by side, for the CBC (404 to everyone else). A code that names no
 * active ministry, the same ministry twice or one without a framework answer 400 with the pickers
 * and a message saying which.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireCbcOrNotFound(request);
  const params = new URL(request.url).searchParams;
  const codeOf = (k: "a" | "b") => (params.get(k) ?? "").trim().slice(0, CODE_MAX);
  const a = codeOf("a");
  const b = codeOf("b");
  const drafts = params.get("drafts") === "1";
  const ministries = listActiveMdos()
    .filter((m) => m.framework)
    .map((m) => ({ code: m.code, name: m.name }));
  const base = { a, b, drafts, ministries };
  if (!a && !b) return json({ ...base, problem: null, result: null });

  const mdoA = a ? getMdoByCode({ code: a }) : null;
  const mdoB = b ? getMdoByCode({ code: b }) : null;
  const problem = ((): Problem | null => {
    if (a && !mdoA) return { key: "unknown", field: "a", values: { code: a } };
    if (b && !mdoB) return { key: "unknown", field: "b", values: { code: b } };
    if (!mdoA || !mdoB) return { key: "onlyOne", field: mdoA ? "b" : "a", values: {} };
    if (mdoA.id === mdoB.id) return { key: "same", field: "b", values: {} };
    return null;
  })();
  if (problem || !mdoA || !mdoB) return json({ ...base, problem, result: null }, { status: 400 });

  const compared = compareMinistries({ a: mdoA.id, b: mdoB.id, drafts });
  if (!compared.ok) {
    const missing = compared.missing === "a" ? mdoA : mdoB;
    return json({ ...base, problem: { key: "noFramework", field: compared.missing, values: { name: missing.name } } satisfies Problem, result: null }, { status: 400 });
  }
  return json({
    ...base,
    a: mdoA.code,
    b: mdoB.code,
    problem: null,
    result: { a: { code: mdoA.code, name: mdoA.name }, b: { code: mdoB.code, name: mdoB.name }, sources: compared.sources, ...compared.comparison },
  });
}

export default function Compare() {
  const { a, b, drafts, ministries, problem, result } = useLoaderData<typeof loader>();
  const { t } = useTranslation("cbc");
  const picker = (field: "a" | "b", value: string) => {
    const invalid = problem?.field === field;
    const known = ministries.some((m) => m.code.toUpperCase() === value.toUpperCase());
    return (
      <div className="field">
        <label htmlFor={`compare-${field}`}>{t(field === "a" ? "compare.pickA" : "compare.pickB")}</label>
        <select id={`compare-${field}`} name={field} defaultValue={known ? ministries.find((m) => m.code.toUpperCase() === value.toUpperCase())!.code : ""} aria-invalid={invalid || undefined} aria-describedby={invalid ? "compare-problem" : undefined}>
          <option value="">{t("compare.choose")}</option>
          {ministries.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name} ({m.code})
            </option>
          ))}
        </select>
      </div>
    );
  };
  return (
    <>
      <nav aria-label={t("common:breadcrumb")} className="breadcrumb">
        <a href="/cbc">{t("dashboard.title")}</a> <span aria-hidden="true">›</span> <span>{t("compare.title")}</span>
      </nav>
      <h1>{t("compare.title")}</h1>
      <p className="muted">{t("compare.intro")}</p>
      <Form method="get" className="inline-form panel compare-pickers">
        {picker("a", a)}
        {picker("b", b)}
        <div className="field">
          <label>
            <input type="checkbox" name="drafts" value="1" defaultChecked={drafts} /> {t("compare.useDrafts")}
          </label>
        </div>
        <div className="field">
          <button type="submit" className="button primary">
            {t("compare.submit")}
          </button>
        </div>
      </Form>
      {problem ? (
        <p id="compare-problem" className="form-error" role="alert">
          {t(`compare.${problem.key}`, problem.values)}
        </p>
      ) : null}
      {result ? <ComparisonView result={result} /> : null}
    </>
  );
}
