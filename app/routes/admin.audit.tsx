import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listAudit, listAuditEvents } from "~/models/audit/queries.server";
import { listActiveMdos } from "~/models/access/mdos.server";
import { requireAdminOrNotFound } from "~/http/auth.server";
import { formatUtc } from "~/components/dates";
import { adminAuditFilters, ADMIN_AUDIT_PAGE } from "~/http/admin-audit-filters.server";

export const meta: MetaFunction = () => [{ title: "Audit log · FRAC Studio" }];

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
  return (
    <>
      <h1>Audit log</h1>
      <p className="muted">
        Everything the system recorded, in every ministry and outside them: changes, imports, reviews, users and memberships, API
        tokens, sign-ins and refused accesses. Times are UTC; dates in the filter are days in India (IST).
      </p>
      <Form method="get" className="inline-form panel" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="f-user">Who</label>
          <input id="f-user" name="user" defaultValue={form.user} placeholder="name or email" maxLength={320} />
        </div>
        <div className="field">
          <label htmlFor="f-event">Event</label>
          <select id="f-event" name="event" defaultValue={form.event}>
            <option value="">Every event</option>
            {[...new Set(events.map((e) => e.entity))].map((entity) => (
              <optgroup key={entity} label={entity}>
                <option value={entity}>every {entity} event</option>
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
          <label htmlFor="f-mdo">Ministry</label>
          <select id="f-mdo" name="mdo" defaultValue={form.mdo}>
            <option value="">Any, or none</option>
            <option value="-">None (users, CBC, tokens)</option>
            {mdos.map((m) => (
              <option key={m.code} value={m.code}>
                {m.code}: {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-from">From</label>
          <input id="f-from" name="from" type="date" defaultValue={form.from} />
        </div>
        <div className="field">
          <label htmlFor="f-to">To</label>
          <input id="f-to" name="to" type="date" defaultValue={form.to} />
        </div>
        <button type="submit" className="button">
          Filter
        </button>
        <a className="button" href={csvHref}>
          Download CSV ({total})
        </a>
      </Form>
      <div className="table-wide">
        <table className="data-table audit-table">
          <caption>
            {total === 0 ? "No entries match." : `Entries ${first}–${last} of ${total}, newest first`}
          </caption>
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">Ministry</th>
              <th scope="col">Event</th>
              <th scope="col">Subject</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{formatUtc(r.at)}</td>
                <td>{r.userName ?? (r.entity === "access" ? "—" : "command line")}</td>
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
      <nav aria-label="Pages of the audit log" className="pager">
        {offset > 0 ? <Link to={pageHref(query, Math.max(0, offset - ADMIN_AUDIT_PAGE))}>← Newer</Link> : null}
        {last < total ? <Link to={pageHref(query, last)}>Older →</Link> : null}
      </nav>
    </>
  );
}
