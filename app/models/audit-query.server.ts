/** Browsing a ministry's audit trail (per framework or per node), and downloading it as CSV. */
import { and, count, desc, eq, gte, inArray, lte, type SQL } from "drizzle-orm";
import { getDb } from "@db/client";
import { auditLog, competencies, nodes, users } from "@db/schema";
import { neutraliseCell } from "@schemas/flat-layout";

export type AuditFilter = {
  mdoId: string;
  /** One node, competency, link or framework. */
  entityId?: string;
  userId?: string;
  /** ISO date-time, or a date (YYYY-MM-DD, read as that day in India, IST). `to` is inclusive. */
  from?: string;
  to?: string;
  /** e.g. node, link, competency, framework, version, import, membership. */
  entity?: string;
  limit: number;
  offset: number;
};

export type AuditRow = {
  id: number;
  at: string;
  userId: string | null;
  userName: string | null;
  userEmail: string | null;
  entity: string;
  entityId: string | null;
  /** The node's or competency's current name, when the entity still exists. */
  entityName: string | null;
  action: string;
  field: string | null;
  /** As recorded: JSON text, or null. */
  before: string | null;
  after: string | null;
};

export const AUDIT_PAGE_MAX = 500;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO instant for a filter bound; a bare date is a whole day in IST. Null when unreadable. */
function bound(value: string | undefined, end: boolean): string | null {
  if (!value?.trim()) return null;
  const text = value.trim();
  const iso = DATE_ONLY.test(text) ? `${text}T${end ? "23:59:59.999" : "00:00:00.000"}+05:30` : text;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** One page of the audit rows matching the filter, newest first, with who made them; `total` counts every match. */
export function listAudit(filter: AuditFilter): { rows: AuditRow[]; total: number } {
  const db = getDb();
  const from = bound(filter.from, false);
  const to = bound(filter.to, true);
  const where: (SQL | undefined)[] = [
    eq(auditLog.mdoId, filter.mdoId),
    filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
    filter.userId ? eq(auditLog.userId, filter.userId) : undefined,
    filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
    from ? gte(auditLog.at, from) : undefined,
    to ? lte(auditLog.at, to) : undefined,
  ];
  const condition = and(...where);
  const limit = Math.min(Math.max(Math.trunc(filter.limit) || 1, 1), AUDIT_PAGE_MAX);
  const offset = Math.max(Math.trunc(filter.offset) || 0, 0);
  const page = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      userId: auditLog.userId,
      userName: users.name,
      userEmail: users.email,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      action: auditLog.action,
      field: auditLog.field,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(condition)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .offset(offset)
    .all();
  const total = db.select({ n: count() }).from(auditLog).where(condition).get()!.n;
  const names = entityNames(page.map((r) => r.entityId));
  return { rows: page.map((r) => ({ ...r, entityName: r.entityId ? (names.get(r.entityId) ?? null) : null })), total };
}

function entityNames(ids: (string | null)[]): Map<string, string> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  const out = new Map<string, string>();
  if (wanted.length === 0) return out;
  const db = getDb();
  for (const n of db.select({ id: nodes.id, name: nodes.name }).from(nodes).where(inArray(nodes.id, wanted)).all()) out.set(n.id, n.name);
  for (const c of db.select({ id: competencies.id, name: competencies.name }).from(competencies).where(inArray(competencies.id, wanted)).all()) out.set(c.id, c.name);
  return out;
}

const CSV_COLUMNS: [string, (r: AuditRow) => string | number | null][] = [
  ["at", (r) => r.at],
  ["user", (r) => r.userName],
  ["user_email", (r) => r.userEmail],
  ["entity", (r) => r.entity],
  ["entity_id", (r) => r.entityId],
  ["entity_name", (r) => r.entityName],
  ["action", (r) => r.action],
  ["field", (r) => r.field],
  ["before", (r) => r.before],
  ["after", (r) => r.after],
];

/** RFC 4180 quoting after neutralising formula triggers (=, +, -, @, tab, CR at the start). */
function cell(value: string | number | null): string {
  const text = neutraliseCell(value === null ? "" : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Audit rows as CSV for spreadsheets: a byte-order mark (so Excel reads Hindi text as UTF-8),
 * a header, CRLF line ends, and every cell neutralised against formula injection.
 */
export function auditCsv(rows: readonly AuditRow[]): string {
  const lines = [CSV_COLUMNS.map(([name]) => name).join(","), ...rows.map((r) => CSV_COLUMNS.map(([, get]) => cell(get(r))).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
