/** Writing the append-only audit log, each row chained to the one before it (db/audit-chain.ts). */
import { desc } from "drizzle-orm";
import { auditHash, auditTimestamp, CHAIN_START } from "@db/audit-chain";
import { auditLog } from "@db/schema";
import type { getDb } from "@db/client";

// why select too: the chain reads the last row's hash on the writer's own connection, inside its transaction.
type Writer = Pick<ReturnType<typeof getDb>, "insert" | "select">;

/**
 * Appends one audit row (who, which MDO, entity and id, action, before and after as JSON) with
 * its place in the hash chain. Call it inside the transaction of the change it records: the
 * transaction's write lock is what keeps two writers from chaining onto the same row.
 */
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
