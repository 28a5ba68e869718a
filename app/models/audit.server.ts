/** Writing the append-only audit log. */
import { auditLog } from "@db/schema";
import type { getClient, getDb } from "@db/client";

type Writer = Pick<ReturnType<typeof getDb>, "insert">;

/** Appends one audit row (who, which MDO, entity and id, action, before and after as JSON). */
export function audit(
  tx: Writer,
  userId: string | null,
  mdoId: string | null,
  entity: string,
  entityId: string | null,
  action: string,
  before: unknown,
  after: unknown,
  field: string | null = null,
): void {
  tx.insert(auditLog)
    .values({
      userId,
      mdoId,
      entity,
      entityId,
      action,
      field,
      before: before === null || before === undefined ? null : JSON.stringify(before),
      after: after === null || after === undefined ? null : JSON.stringify(after),
    })
    .run();
}

/** One row of a bulk audit write: what changed, and its values before and after (JSON-able, or null). */
export type AuditEntry = { entity: string; entityId: string | null; action: string; before: unknown; after: unknown; field?: string | null };

type Sqlite = ReturnType<typeof getClient>["sqlite"];
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/**
 * Appends many rows by one actor in one ministry (an import's per-node rows) through one prepared
 * statement, inside the caller's transaction: the same columns as audit(), at a fraction of the
 * cost of building one drizzle query per row.
 */
export function auditMany(sqlite: Sqlite, userId: string | null, mdoId: string | null, entries: Iterable<AuditEntry>): number {
  const insert = sqlite.prepare("insert into audit_log (user_id, mdo_id, entity, entity_id, action, field, before, after) values (?, ?, ?, ?, ?, ?, ?, ?)");
  let n = 0;
  for (const e of entries) {
    insert.run(userId, mdoId, e.entity, e.entityId, e.action, e.field ?? null, json(e.before), json(e.after));
    n++;
  }
  return n;
}
