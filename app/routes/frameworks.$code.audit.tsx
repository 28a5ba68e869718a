import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listAudit } from "~/models/audit/queries.server";
import { requireMdoAccess } from "~/http/auth.server";
import { badRequest } from "~/http/errors.server";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/meta";
import { useFormat } from "~/i18n/format";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "framework:outline.auditTrail", "Audit trail");

const filters = z.object({
  entity: z.string().max(40).optional(),
  entityId: z.uuid("Not a valid id.").optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}/, "Dates look like 2026-11-23.").optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}/, "Dates look like 2026-11-23.").optional(),
  user: z.string().max(320).optional(),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Parses the audit filters of a request; a malformed one is a 400. */
export function auditFilters(request: Request) {
  const raw = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  const parsed = filters.safeParse(raw);
  if (!parsed.success) throw badRequest(parsed.error.issues[0].message);
  return { f: parsed.data, query: new URLSearchParams(raw).toString() };
}

/** The framework's audit trail: who changed what, when, before and after; filterable and downloadable as CSV. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { mdo } = await requireMdoAccess(request, params.code, "read");
  const { f, query } = auditFilters(request);
  const { rows, total } = filteredAudit(mdo.id, f, 100);
  return json({ mdo: { code: mdo.code, name: mdo.name }, rows, total, filters: f, query });
}

/** The audit filter for these query parameters (the "who" filter matches names and emails, in SQL). */
export function auditFilterOf(mdoId: string, f: z.infer<typeof filters>) {
  return { mdoId, entity: f.entity, entityId: f.entityId, user: f.user, from: f.from, to: f.to };
}

/** One page of the audit rows for these filters, with the total that match. */
export function filteredAudit(mdoId: string, f: z.infer<typeof filters>, limit: number) {
  return listAudit({ ...auditFilterOf(mdoId, f), limit, offset: f.offset });
}

export default function Audit() {
  const { mdo, rows, total, filters: f, query } = useLoaderData<typeof loader>();
  const { t } = useTranslation("history");
  const format = useFormat();
  return (
    <>
      <nav aria-label={t("common:breadcrumb")} className="breadcrumb">
        <Link to="/">{t("common:nav.frameworks")}</Link> <span aria-hidden="true">›</span> <Link to={`/frameworks/${mdo.code}`}>{mdo.code}</Link> <span aria-hidden="true">›</span>{" "}
        <span>{t("framework:outline.auditTrail")}</span>
      </nav>
      <h1>{t("audit.heading", { name: mdo.name })}</h1>
      <Form method="get" className="inline-form panel" aria-label={t("audit.filterLabel")}>
        <div className="field">
          <label htmlFor="a-entity">{t("audit.kind")}</label>
          <select id="a-entity" name="entity" defaultValue={f.entity ?? ""}>
            <option value="">{t("audit.everything")}</option>
            {["node", "link", "competency", "framework", "import", "version"].map((e) => (
              <option key={e} value={e}>
                {t(`audit.entity.${e}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="a-user">{t("admin:audit.who")}</label>
          <input id="a-user" name="user" defaultValue={f.user ?? ""} placeholder={t("admin:audit.whoPlaceholder")} />
        </div>
        <div className="field">
          <label htmlFor="a-from">{t("admin:audit.from")}</label>
          <input id="a-from" name="from" type="date" defaultValue={f.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="a-to">{t("admin:audit.to")}</label>
          <input id="a-to" name="to" type="date" defaultValue={f.to ?? ""} />
        </div>
        <button type="submit" className="button">
          {t("admin:audit.filter")}
        </button>
        <a className="button" href={`/frameworks/${mdo.code}/audit.csv${query ? `?${query}` : ""}`}>
          {t("audit.csv")}
        </a>
      </Form>
      <table className="data-table audit-table">
        <caption>
          {t("audit.entries", { count: total })}
          {total > rows.length ? t("audit.newestShown", { shown: rows.length }) : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("admin:audit.when")}</th>
            <th scope="col">{t("admin:audit.who")}</th>
            <th scope="col">{t("diff.what")}</th>
            <th scope="col">{t("diff.field")}</th>
            <th scope="col">{t("diff.before")}</th>
            <th scope="col">{t("diff.after")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{format.timestamp(r.at)}</td>
              <td>{r.userName ?? t("admin:audit.commandLine")}</td>
              <td>
                {t("audit.what", { action: t(`audit.action.${r.action}`, { defaultValue: r.action }), entity: t(`audit.entity.${r.entity}`, { defaultValue: r.entity }) })}
                {r.entityName ? ` “${r.entityName}”` : ""}
                {r.entityId && r.entity !== "framework" && r.entity !== "import" ? (
                  <>
                    {" "}
                    <Link className="small" to={`?entityId=${r.entityId}`}>
                      {t("audit.history")}
                    </Link>
                  </>
                ) : null}
              </td>
              <td>{r.field ?? ""}</td>
              <td className="cell-value">{r.before ?? ""}</td>
              <td className="cell-value">{r.after ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
