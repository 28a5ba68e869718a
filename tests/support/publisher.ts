/**
 * A process that keeps publishing CBIC's framework through the real review steps, as reviewers
 * on a busy server would: `node --import tsx tests/support/publisher.ts DB`.
 * Each round: an author's save, submit, verify, approve; prints "published N" after approval N returns.
 */
import { eq } from "drizzle-orm";
import { getClient } from "@db/client";
import { userId } from "@db/ids";
import { frameworks, nodes } from "@db/schema";
import { applyEditOps } from "~/models/draft-save/save.server";
import { getMdoByCode } from "~/models/access/mdos.server";
import { approveFramework, submitFramework, verifyFramework } from "~/models/review/steps.server";

const [db] = process.argv.slice(2);
process.env.DATABASE_URL = `file:${db}`;
const { db: orm } = getClient();
const mdo = getMdoByCode({ code: "CBIC" })!;
const fw = orm.select().from(frameworks).where(eq(frameworks.mdoId, mdo.id)).get()!;
const position = orm.select().from(nodes).where(eq(nodes.frameworkId, fw.id)).all().find((n) => n.kind === "position")!;

for (let round = 1; ; round++) {
  const revision = orm.select({ revision: frameworks.revision }).from(frameworks).where(eq(frameworks.id, fw.id)).get()!.revision;
  const steps = [
    () => applyEditOps({ mdoId: mdo.id, userId: userId("author@frac.test"), baseRevision: revision, ops: [{ op: "node.update", id: position.id, fields: { description: `Round ${round}` } }] }),
    () => submitFramework({ mdoId: mdo.id, userId: userId("author@frac.test") }),
    () => verifyFramework({ mdoId: mdo.id, userId: userId("reviewer@frac.test") }),
    () => approveFramework({ mdoId: mdo.id, userId: userId("board@frac.test") }),
  ];
  let published: number | null = null;
  for (const step of steps) {
    const result = step();
    if (!result.ok) throw new Error(`round ${round}: ${result.message}`);
    if ("version" in result && result.version) published = result.version.number;
  }
  process.stdout.write(`published ${published}\n`);
}
