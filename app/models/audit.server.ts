/** Writing the append-only audit log. */
import { auditLog } from "@db/schema";
import type { getDb } from "@db/client";

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
