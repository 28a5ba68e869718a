/**
 * Browsing the audit log: one ministry's trail (per framework or per node) or, for admins, the
 * whole log including rows with no ministry (users, CBC grants, tokens, refused accesses, sign-ins).
 * Every filter is SQL, so paging and totals are exact, and the CSV streams every matching row.
 */
import { and, count, desc, eq, gte, inArray, isNull, lt, lte, sql, type SQL } from "drizzle-orm";
import { getDb } from "@db/client";
import { apiTokens, auditLog, mdos, users } from "@db/schema";
import { neutraliseCell } from "@schemas/flat-layout";
import { nodeAndCompetencyNames } from "../draft/names.server";

export type AuditFilter = {
  /** One ministry's rows; null: only rows with no ministry; absent: the whole log (admins). */
  mdoId?: string | null;
  /** One node, competency, link, token or framework. */
  entityId?: string;
  userId?: string;
  /** Part of the name or email of who did it (case-insensitive for ASCII letters). */
  user?: string;
  /** ISO date-time, or a date (YYYY-MM-DD, read as that day in India, IST). `to` is inclusive. */
  from?: string;
  to?: string;
  /** e.g. node, link, competency, framework, version, import, membership, token, access. */
  entity?: string;
  /** e.g. create, update, delete, revoke, refused; any name a writer used. */
  action?: string;
  limit: number;
  offset: number;
};

export type AuditRow = {
  id: number;
  at: string;
  userId: string | null;
  userName: string | null;
  userEmail: string | null;
  mdoId: string | null;
  mdoCode: string | null;
  entity: string;
  entityId: string | null;
  /** The node's, competency's or API token's current name, when the entity still exists. */
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

/** `%text%` for LIKE, with the wildcards in the text itself taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function conditionOf(filter: Omit<AuditFilter, "limit" | "offset">): SQL | undefined {
  const from = bound(filter.from, false);
  const to = bound(filter.to, true);
  const who = filter.user?.trim() ? containing(filter.user.trim()) : null;
  return and(
    filter.mdoId === undefined ? undefined : filter.mdoId === null ? isNull(auditLog.mdoId) : eq(auditLog.mdoId, filter.mdoId),
    filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
    filter.userId ? eq(auditLog.userId, filter.userId) : undefined,
    who ? sql`(${users.email} like ${who} escape '\\' or ${users.name} like ${who} escape '\\')` : undefined,
    filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    from ? gte(auditLog.at, from) : undefined,
    to ? lte(auditLog.at, to) : undefined,
  );
}

const columns = {
  id: auditLog.id,
  at: auditLog.at,
  userId: auditLog.userId,
  userName: users.name,
  userEmail: users.email,
  mdoId: auditLog.mdoId,
  mdoCode: mdos.code,
  entity: auditLog.entity,
  entityId: auditLog.entityId,
  action: auditLog.action,
  field: auditLog.field,
  before: auditLog.before,
  after: auditLog.after,
};

/** Rows matching `condition`, newest (highest id) first, with who made them and the ministry's code. */
function selectRows(condition: SQL | undefined, limit: number, offset = 0): AuditRow[] {
  const page = getDb()
    .select(columns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .leftJoin(mdos, eq(mdos.id, auditLog.mdoId))
    .where(condition)
    // why id: rows are numbered as they are written and `at` is the time of writing, so id order is time order, with no sort.
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .offset(offset)
    .all();
  const names = entityNames(page.map((r) => r.entityId));
  return page.map((r) => ({ ...r, entityName: r.entityId ? (names.get(r.entityId) ?? null) : null }));
}

/** One page of the audit rows matching the filter, newest first, with who made them; `total` counts every match. */
export function listAudit(filter: AuditFilter): { rows: AuditRow[]; total: number } {
  const condition = conditionOf(filter);
  const limit = Math.min(Math.max(Math.trunc(filter.limit) || 1, 1), AUDIT_PAGE_MAX);
  const offset = Math.max(Math.trunc(filter.offset) || 0, 0);
  const total = getDb().select({ n: count() }).from(auditLog).leftJoin(users, eq(users.id, auditLog.userId)).where(condition).get()!.n;
  return { rows: selectRows(condition, limit, offset), total };
}

/**
 * Every row matching the filter, newest first, a batch at a time. Batches continue below the
 * last id seen rather than by offset, so each costs the same however deep.
 */
export function* auditBatches(filter: Omit<AuditFilter, "limit" | "offset">, size = AUDIT_PAGE_MAX): Generator<AuditRow[]> {
  const base = conditionOf(filter);
  let lastId: number | undefined;
  for (;;) {
    const batch = selectRows(and(base, lastId === undefined ? undefined : lt(auditLog.id, lastId)), size);
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < size) return;
    lastId = batch[batch.length - 1].id;
  }
}

/** The kinds of event in the log (entity and action), for the filter menu. */
export function listAuditEvents(): { entity: string; action: string }[] {
  return getDb().selectDistinct({ entity: auditLog.entity, action: auditLog.action }).from(auditLog).orderBy(auditLog.entity, auditLog.action).all();
}

function entityNames(ids: (string | null)[]): Map<string, string> {
  const { wanted, names: out } = nodeAndCompetencyNames(ids);
  if (wanted.length === 0) return out;
  const db = getDb();
  for (const t of db.select({ id: apiTokens.id, name: apiTokens.name }).from(apiTokens).where(inArray(apiTokens.id, wanted)).all()) out.set(t.id, `token ${t.name}`);
  return out;
}

type Column = [string, (r: AuditRow) => string | number | null];
const CSV_COLUMNS: Column[] = [
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
// The whole log's export says which ministry each row belongs to (empty: none).
const CSV_COLUMNS_WITH_MDO: Column[] = [CSV_COLUMNS[0], ["mdo", (r) => r.mdoCode], ...CSV_COLUMNS.slice(1)];

/** RFC 4180 quoting after neutralising formula triggers (=, +, -, @, tab, CR at the start). */
function cell(value: string | number | null): string {
  const text = neutraliseCell(value === null ? "" : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLines = (rows: readonly AuditRow[], cols: Column[]) => rows.map((r) => cols.map(([, get]) => cell(get(r))).join(",") + "\r\n").join("");

/**
 * Audit rows as CSV for spreadsheets: a byte-order mark (so Excel reads Hindi text as UTF-8),
 * a header, CRLF line ends, and every cell neutralised against formula injection.
 */
export function auditCsv(rows: readonly AuditRow[], { withMdo = false } = {}): string {
  const cols = withMdo ? CSV_COLUMNS_WITH_MDO : CSV_COLUMNS;
  return `\uFEFF${cols.map(([name]) => name).join(",")}\r\n${csvLines(rows, cols)}`;
}

/** The same CSV for every row matching the filter, streamed batch by batch (no cap on the number of rows). */
export function auditCsvStream(filter: Omit<AuditFilter, "limit" | "offset">, { withMdo = false } = {}): ReadableStream<Uint8Array> {
  const cols = withMdo ? CSV_COLUMNS_WITH_MDO : CSV_COLUMNS;
  const batches = auditBatches(filter);
  const encoder = new TextEncoder();
  let headerSent = false;
  return new ReadableStream({
    pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`\uFEFF${cols.map(([name]) => name).join(",")}\r\n`));
        return;
      }
      const next = batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(csvLines(next.value, cols)));
    },
    cancel() {
      batches.return(undefined);
    },
  });
}
