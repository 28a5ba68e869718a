import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listAudit, listAuditEvents } from "~/models/audit/queries.server";
import { listActiveMdos } from "~/models/access/mdos.server";
import { requireAdminOrNotFound } from "~/http/auth.server";
import { useFormat } from "~/i18n/format";
import { adminAuditFilters, ADMIN_AUDIT_PAGE } from "~/http/admin-audit-filters.server";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:nav.audit", "Audit log");

/** The whole audit log (every ministry, and rows with none), filtered and paged in SQL; admins only, 404 to everyone else. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdminOrNotFound(request);
  const { filter, form, query, offset } = adminAuditFilters(request);
  const { rows, total } = listAudit({ ...filter, limit: ADMIN_AUDIT_PAGE, offset });
  return json({
    rows,
    total,
    offset,
    form,
    query,
    events: listAuditEvents(),
    mdos: listActiveMdos().map((m) => ({ code: m.code, name: m.name })),
  });
}

/** A link to another page of the same filtered log. */
function pageHref(query: string, offset: number): string {
  const params = new URLSearchParams(query);
  params.delete("offset");
  if (offset > 0) params.set("offset", String(offset));
  const text = params.toString();
  return text ? `?${text}` : "?";
}

export default function AdminAudit() {
  const { rows, total, offset, form, query, events, mdos } = useLoaderData<typeof loader>();
  const first = total === 0 ? 0 : offset + 1;
  const last = offset + rows.length;
  const csvQuery = new URLSearchParams(query);
  csvQuery.delete("offset");
  const csvText = csvQuery.toString();
  const csvHref = `/admin/audit.csv${csvText ? `?${csvText}` : ""}`;
  const { t } = useTranslation("admin");
  const f = useFormat();
  return (
    <>
      <h1>{t("common:nav.audit")}</h1>
      <p className="muted">
        {t("audit.intro")}
      </p>
      <Form method="get" className="inline-form panel" aria-label={t("audit.filterLabel")}>
        <div className="field">
          <label htmlFor="f-user">{t("audit.who")}</label>
          <input id="f-user" name="user" defaultValue={form.user} placeholder={t("audit.whoPlaceholder")} maxLength={320} />
        </div>
        <div className="field">
          <label htmlFor="f-event">{t("audit.event")}</label>
          <select id="f-event" name="event" defaultValue={form.event}>
            <option value="">{t("audit.everyEvent")}</option>
            {[...new Set(events.map((e) => e.entity))].map((entity) => (
              <optgroup key={entity} label={entity}>
                <option value={entity}>{t("audit.everyEntityEvent", { entity })}</option>
                {events
                  .filter((e) => e.entity === entity)
                  .map((e) => (
                    <option key={`${e.entity}:${e.action}`} value={`${e.entity}:${e.action}`}>
                      {e.entity} {e.action}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-mdo">{t("audit.ministry")}</label>
          <select id="f-mdo" name="mdo" defaultValue={form.mdo}>
            <option value="">{t("audit.anyMdo")}</option>
            <option value="-">{t("audit.noMdo")}</option>
            {mdos.map((m) => (
              <option key={m.code} value={m.code}>
                {m.code}: {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-from">{t("audit.from")}</label>
          <input id="f-from" name="from" type="date" defaultValue={form.from} />
        </div>
        <div className="field">
          <label htmlFor="f-to">{t("audit.to")}</label>
          <input id="f-to" name="to" type="date" defaultValue={form.to} />
        </div>
        <button type="submit" className="button">
          {t("audit.filter")}
        </button>
        <a className="button" href={csvHref}>
          {t("audit.csv", { total })}
        </a>
      </Form>
      <div className="table-wide">
        <table className="data-table audit-table">
          <caption>
            {total === 0 ? t("audit.noEntries") : t("audit.entries", { first, last, total })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("audit.when")}</th>
              <th scope="col">{t("audit.who")}</th>
              <th scope="col">{t("audit.ministry")}</th>
              <th scope="col">{t("audit.event")}</th>
              <th scope="col">{t("audit.subject")}</th>
              <th scope="col">{t("audit.before")}</th>
              <th scope="col">{t("audit.after")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{f.timestamp(r.at)}</td>
                <td>{r.userName ?? (r.entity === "access" ? "—" : t("audit.commandLine"))}</td>
                <td>{r.mdoCode ?? ""}</td>
                <td>
                  {r.entity} {r.action}
                  {r.field ? ` (${r.field})` : ""}
                </td>
                <td className="cell-value">{r.entityName ?? r.entityId ?? ""}</td>
                <td className="cell-value">{r.before ?? ""}</td>
                <td className="cell-value">{r.after ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label={t("audit.pages")} className="pager">
        {offset > 0 ? <Link to={pageHref(query, Math.max(0, offset - ADMIN_AUDIT_PAGE))}>{t("audit.newer")}</Link> : null}
        {last < total ? <Link to={pageHref(query, last)}>{t("audit.older")}</Link> : null}
      </nav>
    </>
  );
}
