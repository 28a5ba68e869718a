/**
 * Demo history: the CBIC demo framework published as version 1 through the real review steps
 * (author submits, technical reviewer verifies, board approves), then a few author edits on
 * top, so a new install has a version to read and a draft to diff against it.
 */
import { and, eq } from "drizzle-orm";
import { getDb, withClient, type Client } from "@db/client";
import { domainCompetencyId, stableId, userId } from "@db/ids";
import { frameworks, links, nodes } from "@db/schema";
import type { EditOp } from "@schemas/edit-ops";
import { applyEditOps } from "../draft-save/save.server";
import { getMdoByCode } from "../access/mdos.server";
import { approveFramework, submitFramework, verifyFramework } from "../review/steps.server";
import { getPublishedVersionNumber } from "../publication/versions.server";

const AUTHOR = userId("author@frac.test");
const REVIEWER = userId("reviewer@frac.test");
const BOARD = userId("board@frac.test");

export type DemoHistoryReport = { published: number | null; changes: number };

/**
 * Publishes CBIC's demo framework as version 1 and edits the draft, unless CBIC already has a
 * published version (or is not a seeded demo draft): idempotent. With `client`, works on that
 * client's file instead of DATABASE_URL's (the test setup seeds a base file).
 */
export function seedDemoHistory({ client }: { client?: Client } = {}): DemoHistoryReport {
  if (client) return withClient(client, () => seedDemoHistory());
  const cbic = getMdoByCode({ code: "CBIC" });
  if (!cbic || getPublishedVersionNumber({ mdoId: cbic.id }) !== null) return { published: null, changes: 0 };
  const fw = getDb().select().from(frameworks).where(eq(frameworks.mdoId, cbic.id)).get();
  if (!fw || fw.status !== "DRAFT") return { published: null, changes: 0 };

  const mdoId = cbic.id;
  for (const [what, result] of [
    ["submit", () => submitFramework({ mdoId, userId: AUTHOR })],
    ["verify", () => verifyFramework({ mdoId, userId: REVIEWER })],
    ["approve", () => approveFramework({ mdoId, userId: BOARD })],
  ] as const) {
    const outcome = result();
    if (!outcome.ok) throw new Error(`Demo history: the ${what} step was refused: ${outcome.message}`);
  }

  const changes = demoChanges(fw.id);
  const revision = getDb().select({ revision: frameworks.revision }).from(frameworks).where(eq(frameworks.id, fw.id)).get()!.revision;
  const saved = applyEditOps({ mdoId, userId: AUTHOR, baseRevision: revision, ops: changes });
  if (!saved.ok) throw new Error(`Demo history: the demo edits were refused: ${saved.message}`);
  return { published: 1, changes: changes.length };
}

const demoNodeId = (kind: string, name: string) => stableId(`demo:CBIC/${kind}/${name}`);

/**
 * What the CBIC HR cell changed after version 1: a new activity for refund sanction that
 * needs refund processing at level 3, a raised level for GST registration checks, and a
 * clearer description for IGST refund errors.
 */
function demoChanges(frameworkId: string): EditOp[] {
  const newActivity = stableId("demo-history:CBIC/activity/Sanction refund of pre-deposit");
  const refundRole = demoNodeId("role", "Refund sanction");
  const registration = demoNodeId("activity", "Verify applications for GST registration");
  const igstErrors = demoNodeId("activity", "Resolve IGST refund errors on exports");
  const refundProcessing = domainCompetencyId("CBIC", "Refund processing");
  const gstLaw = domainCompetencyId("CBIC", "GST law and procedure");
  const levelLink = getDb()
    .select({ id: links.id })
    .from(links)
    .where(and(eq(links.frameworkId, frameworkId), eq(links.fromId, registration), eq(links.toCompetencyId, gstLaw)))
    .get();
  const igst = getDb().select({ id: nodes.id }).from(nodes).where(eq(nodes.id, igstErrors)).get();
  if (!levelLink || !igst) throw new Error("Demo history: the CBIC demo framework does not have the nodes the demo edits expect.");

  return [
    {
      op: "node.create",
      id: newActivity,
      kind: "activity",
      fields: {
        name: "Sanction refund of pre-deposit after an appellate order",
        description:
          "Refund the pre-deposit made for filing an appeal, with interest, within the time limit once the appellate authority decides in the appellant's favour.",
      },
    },
    { op: "link.create", id: stableId("demo-history:CBIC/link/refund-role/pre-deposit"), kind: "role_activity", from: refundRole, to: newActivity },
    {
      op: "link.create",
      id: stableId("demo-history:CBIC/link/pre-deposit/refund-processing"),
      kind: "activity_competency",
      from: newActivity,
      to: refundProcessing,
      level: 3,
    },
    { op: "link.update", id: levelLink.id, level: 3 },
    {
      op: "node.update",
      id: igstErrors,
      fields: {
        description:
          "Clear shipping bills held up by mismatches between customs data and GST returns (SB005 and similar errors) through the ICEGATE refund module, so that IGST refunds on exports reach the exporters.",
      },
    },
  ];
}
