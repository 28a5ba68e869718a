/**
 * The audit log's hash chain. Each row stores the hash of the row before it (`prev_hash`, by id)
 * and `hash` = sha256 over that and its own content, written in the transaction of the change it
 * records. Editing, removing or reordering a row with the append-only triggers dropped breaks the
 * chain at that row, and `frac db:check` names it.
 */
import crypto from "node:crypto";
import type Database from "better-sqlite3";

/** The prev_hash of the first row of the log. */
export const CHAIN_START = "";

/** The meta key that records when rows written before the chain existed were chained. */
export const BACKFILL_KEY = "audit_chain_backfill";

/** The columns a row's hash covers, as stored (before/after are JSON text). */
export type AuditContent = {
  at: string;
  userId: string | null;
  mdoId: string | null;
  entity: string;
  entityId: string | null;
  action: string;
  field: string | null;
  before: string | null;
  after: string | null;
};

/** sha256 (hex) of the previous row's hash and this row's content, in a fixed order. */
export function auditHash(prevHash: string, row: AuditContent): string {
  // why a JSON array: it separates the fields unambiguously, so no two contents share a preimage.
  const preimage = JSON.stringify([prevHash, row.at, row.userId, row.mdoId, row.entity, row.entityId, row.action, row.field, row.before, row.after]);
  return crypto.createHash("sha256").update(preimage).digest("hex");
}

/** The timestamp format of the audit log (the same as the column's SQL default). */
export function auditTimestamp(date = new Date()): string {
  return date.toISOString();
}

export type Backfill = { throughId: number; rows: number; at: string };

type Row = AuditContent & { id: number; prevHash: string | null; hash: string | null };
const SELECT_ROWS = `select id, at, user_id as userId, mdo_id as mdoId, entity, entity_id as entityId, action, field, before, after,
  prev_hash as prevHash, hash from audit_log order by id`;

/**
 * Chains the rows written before the chain existed, once per database (migration 0007 cannot:
 * SQLite has no sha256). The chain proves those rows unchanged since this moment, not since they
 * were written; the moment is kept in `meta` so `frac db:check` can say so.
 */
export function backfillAuditChain(sqlite: Database.Database): Backfill | null {
  const done = () => sqlite.prepare("select value from meta where key = ?").pluck().get(BACKFILL_KEY) as string | undefined;
  if (done() !== undefined) return null;
  const run = sqlite.transaction((): Backfill | null => {
    if (done() !== undefined) return null;
    const update = sqlite.prepare("update audit_log set prev_hash = ?, hash = ? where id = ?");
    const at = auditTimestamp();
    let prev = CHAIN_START;
    let rows = 0;
    let throughId = 0;
    for (const row of sqlite.prepare(SELECT_ROWS).all() as Row[]) {
      if (row.hash === null) {
        const hash = auditHash(prev, row);
        update.run(prev, hash, row.id);
        prev = hash;
        rows += 1;
        throughId = row.id;
      } else {
        prev = row.hash;
      }
    }
    const backfill = { throughId, rows, at };
    sqlite.prepare("insert into meta (key, value) values (?, ?)").run(BACKFILL_KEY, JSON.stringify(backfill));
    return backfill;
  });
  // why immediate: two processes opening a freshly migrated file must not both chain it.
  return run.immediate();
}

/** The backfill record, if this database was chained after the fact. */
export function readBackfill(sqlite: Database.Database): Backfill | null {
  const value = sqlite.prepare("select value from meta where key = ?").pluck().get(BACKFILL_KEY) as string | undefined;
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as Partial<Backfill>;
    return typeof parsed.throughId === "number" && typeof parsed.rows === "number" && typeof parsed.at === "string" ? (parsed as Backfill) : null;
  } catch {
    return null;
  }
}

/** Every audit row in id order, one at a time (the log can be long). */
export function iterateAuditRows(sqlite: Database.Database): IterableIterator<Row> {
  return sqlite.prepare(SELECT_ROWS).iterate() as IterableIterator<Row>;
}
