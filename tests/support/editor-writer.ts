/**
 * A second process that keeps saving CBIC's draft through the real editor save, as a busy
 * server would: `node --import tsx tests/support/editor-writer.ts DB [SAVES]`.
 * Prints "saved N" after each save; runs SAVES saves (default: until killed).
 */
import { eq } from "drizzle-orm";
import { getClient } from "@db/client";
import { userId } from "@db/ids";
import { frameworks, nodes } from "@db/schema";
import { applyEditOps } from "~/models/draft-save/save.server";
import { getMdoByCode } from "~/models/access/mdos.server";

const [db, saves] = process.argv.slice(2);
process.env.DATABASE_URL = `file:${db}`;
const limit = saves ? Number(saves) : Infinity;
const { db: orm } = getClient();
const mdo = getMdoByCode({ code: "CBIC" })!;
const fw = orm.select().from(frameworks).where(eq(frameworks.mdoId, mdo.id)).get()!;
const position = orm.select().from(nodes).where(eq(nodes.frameworkId, fw.id)).all().find((n) => n.kind === "position")!;

for (let i = 1; i <= limit; i++) {
  const revision = orm.select({ revision: frameworks.revision }).from(frameworks).where(eq(frameworks.id, fw.id)).get()!.revision;
  const result = applyEditOps({
    mdoId: mdo.id,
    userId: userId("author@frac.test"),
    baseRevision: revision,
    ops: [{ op: "node.update", id: position.id, fields: { description: `Edited by the writer, save ${i}` } }],
  });
  if (!result.ok && result.status !== 409) throw new Error(result.message);
  process.stdout.write(`saved ${i}\n`);
  await new Promise((resolve) => setTimeout(resolve, 2));
}
