import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PlanTable } from "~/components/acbp/plan-table";
import { YearPicker } from "~/components/acbp/year-picker";
import { canEdit, requireMdoAccess } from "~/http/auth.server";
import { badRequest } from "~/http/errors.server";
import { parseForm } from "~/http/form.server";
import { getServerT } from "~/i18n/i18n.server";
import { useFormat } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { discardAcbp, listAcbpYears, loadAcbp, redrawAcbp, saveAcbp } from "~/models/insight/acbp.server";
import { currentFinancialYear, financialYearLabel, parseFinancialYear } from "@schemas/acbp";
import { acbpIntentSchema, readPlanRows, type AcbpProblem } from "@schemas/acbp-form";
import styles from "~/styles/acbp.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "acbp:title", "ACBP", { year: data ? `${data.mdo.code} ${financialYearLabel(data.year)}` : "" });

/** The year a request asks for (`?year=2026` or `2026-27`), else the current financial year; 400 for anything else. */
export async function yearOf(request: Request): Promise<number> {
  const asked = new URL(request.url).searchParams.get("year");
  if (asked === null || asked === "") return currentFinancialYear();
  const year = parseFinancialYear(asked);
  if (year === null) throw badRequest((await getServerT(request, "acbp"))("errors.year"));
  return year;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, mdo } = await requireMdoAccess(request, params.code, "read");
  const year = await yearOf(request);
  const plan = loadAcbp({ mdoId: mdo.id, year });
  const current = currentFinancialYear();
  const years = [...new Set([current - 1, current, current + 1, year, ...listAcbpYears({ mdoId: mdo.id })])].sort((a, b) => b - a);
  return json({ mdo: { code: mdo.code, name: mdo.name }, year, current, years, plan, editable: canEdit(user, mdo.id) });
}

type ActionData = { problems: { field: string; message: string }[]; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, mdo } = await requireMdoAccess(request, params.code, "edit");
  const t = await getServerT(request, "acbp");
  const values = Object.fromEntries([...(await request.clone().formData()).entries()].map(([k, v]) => [k, String(v)]));
  const reply = (status: number, problems: AcbpProblem[] | { field: string; message: string }[]) =>
    json<ActionData>(
      { problems: problems.map((p) => ("code" in p ? { field: p.field, message: t(`errors.${p.code}`, p.params ?? {}) } : p)), values },
      { status },
    );
  const parsed = await parseForm(request, acbpIntentSchema);
  if (!parsed.ok) {
    if (parsed.unknownIntent) throw badRequest(t("errors.unknownIntent"));
    const field = Object.keys(parsed.fieldErrors)[0] ?? "form";
    return reply(400, [{ field, message: field === "year" ? t("errors.year") : parsed.message }]);
  }
  const input = parsed.data;
  const back = (done: string) => redirect(`/frameworks/${mdo.code}/acbp?year=${input.year}&done=${done}`);
  switch (input.intent) {
    case "save": {
      const rows = readPlanRows(input);
      if (!rows.ok) return reply(400, rows.problems);
      const saved = saveAcbp({ mdoId: mdo.id, userId: user.id, year: input.year, source: input.source, rows: rows.rows });
      if (!saved.ok) return reply(saved.status, saved.problems);
      return back("saved");
    }
    case "discard":
      discardAcbp({ mdoId: mdo.id, userId: user.id, year: input.year });
      return back("discarded");
    case "redraw":
      redrawAcbp({ mdoId: mdo.id, userId: user.id, year: input.year });
      return back("redrawn");
  }
}

export default function AcbpPage() {
  const { mdo, year, current, years, plan, editable } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  const { t } = useTranslation("acbp");
  const f = useFormat();
  const fy = financialYearLabel(year);
  const done = search.get("done");
  const source = plan.source;
  return (
    <>
      <nav aria-label={t("common:breadcrumb")} className="breadcrumb">
        <Link to="/">{t("common:nav.frameworks")}</Link> <span aria-hidden="true">›</span> <Link to={`/frameworks/${mdo.code}`}>{mdo.code}</Link>{" "}
        <span aria-hidden="true">›</span> <span>ACBP</span>
      </nav>
      <h1>{t("heading", { name: mdo.name })}</h1>
      <p className="muted acbp-intro">{t("intro")}</p>
      <YearPicker year={year} current={current} years={years} />
      {done && !result ? (
        <p className="form-success" role="status">
          {done === "saved" ? t("saved", { year: fy }) : done === "discarded" ? t("discarded", { year: fy }) : t("redrawn", { year: fy, number: source?.number ?? "" })}
        </p>
      ) : null}
      {!source ? (
        <p className="empty">{t("noVersion", { name: mdo.name })}</p>
      ) : (
        <>
          <div className="acbp-facts">
            <p>
              {t("source", { number: source.number, date: f.date(source.publishedAt) })}{" "}
              {plan.saved
                ? plan.saved.updatedBy
                  ? t("savedBy", { date: f.dateTime(plan.saved.updatedAt), name: plan.saved.updatedBy })
                  : t("savedAt", { date: f.dateTime(plan.saved.updatedAt) })
                : t("notSaved")}
            </p>
            <a className="button" href={`/frameworks/${mdo.code}/acbp.xlsx?year=${year}`} download>
              {t("download")}
            </a>
          </div>
          {plan.latestVersion !== null && plan.latestVersion !== source.number ? (
            <div className="banner acbp-redraw">
              <p>{t("newerVersion", { latest: plan.latestVersion, number: source.number })}</p>
              {editable ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="redraw" />
                  <input type="hidden" name="year" value={year} />
                  <button type="submit" className="button" disabled={busy} aria-describedby="redraw-hint">
                    {t("redraw", { latest: plan.latestVersion })}
                  </button>
                  <span id="redraw-hint" className="small muted"> {t("redrawHint", { latest: plan.latestVersion })}</span>
                </Form>
              ) : null}
            </div>
          ) : null}
          {plan.lines.length === 0 ? <p className="empty">{t("noDemand", { number: source.number })}</p> : null}
          {plan.lines.length > 0 && plan.lines.every((l) => l.posts === 0) ? <p className="banner">{t("noPosts")}</p> : null}
          {!editable ? <p className="muted">{t("readOnly")}</p> : null}
          {plan.lines.length > 0 ? (
            <PlanTable
              key={result ? "posted" : `loaded-${plan.saved?.updatedAt ?? "start"}`}
              year={year}
              source={source.number}
              lines={plan.lines}
              editable={editable}
              busy={busy}
              problems={result?.problems ?? []}
              values={result?.values ?? null}
            />
          ) : null}
          {editable && plan.saved ? (
            <Form method="post" className="acbp-discard">
              <input type="hidden" name="intent" value="discard" />
              <input type="hidden" name="year" value={year} />
              <button type="submit" className="button" disabled={busy}>
                {t("discard")}
              </button>
            </Form>
          ) : null}
        </>
      )}
    </>
  );
}
