/** Writing the append-only audit log, each row chained to the one before it (db/audit-chain.ts). */
import { desc } from "drizzle-orm";
import { auditHash, auditTimestamp, CHAIN_START } from "@db/audit-chain";
import { auditLog } from "@db/schema";
import type { getClient, getDb } from "@db/client";

// why select too: the chain reads the last row's hash on the writer's own connection, inside its transaction.
type Writer = Pick<ReturnType<typeof getDb>, "insert" | "select">;

/** One audit row: who did it in which ministry (null for users, tokens, sign-ins), to what, and the values before and after (JSON-able). */
export type AuditWrite = {
  userId: string | null;
  mdoId: string | null;
  entity: string;
  entityId: string | null;
  action: string;
  before?: unknown;
  after?: unknown;
  /** The one field an update changed, when it changed one. */
  field?: string | null;
};

/**
 * Appends one audit row with its place in the hash chain. Call it inside the transaction of the
 * change it records: the transaction's write lock is what keeps two writers from chaining onto
 * the same row.
 */
export function audit(tx: Writer, { userId, mdoId, entity, entityId, action, before, after, field = null }: AuditWrite): void {
  const last = tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
  const prevHash = last?.hash ?? CHAIN_START;
  const content = {
    at: auditTimestamp(),
    userId,
    mdoId,
    entity,
    entityId,
    action,
    field,
    before: before === null || before === undefined ? null : JSON.stringify(before),
    after: after === null || after === undefined ? null : JSON.stringify(after),
  };
  tx.insert(auditLog)
    .values({ ...content, prevHash, hash: auditHash(prevHash, content) })
    .run();
}

/** One row of a bulk audit write: what changed, and its values before and after (JSON-able, or null). */
export type AuditEntry = Omit<AuditWrite, "userId" | "mdoId">;

type Sqlite = ReturnType<typeof getClient>["sqlite"];
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/**
 * Appends many rows by one actor in one ministry (an import's per-node rows) through one prepared
 * statement, inside the caller's transaction, each chained to the one before it exactly as
 * audit() chains: the same columns and hashes, at a fraction of the cost of one drizzle query per row.
 */
export function auditMany(
  sqlite: Sqlite,
  { userId, mdoId, entries }: { userId: string | null; mdoId: string | null; entries: Iterable<AuditEntry> },
): number {
  const last = sqlite.prepare("select hash from audit_log order by id desc limit 1").pluck().get() as string | null | undefined;
  let prevHash = last ?? CHAIN_START;
  const insert = sqlite.prepare(
    "insert into audit_log (at, user_id, mdo_id, entity, entity_id, action, field, before, after, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const at = auditTimestamp();
  let n = 0;
  for (const e of entries) {
    const content = { at, userId, mdoId, entity: e.entity, entityId: e.entityId, action: e.action, field: e.field ?? null, before: json(e.before), after: json(e.after) };
    const hash = auditHash(prevHash, content);
    insert.run(content.at, userId, mdoId, content.entity, content.entityId, content.action, content.field, content.before, content.after, prevHash, hash);
    prevHash = hash;
    n++;
  }
  return n;
}
