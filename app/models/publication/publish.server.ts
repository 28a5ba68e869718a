/** Approval's write: the frozen draft becomes the next numbered, immutable version of the ministry. */
import crypto from "node:crypto";
import { versions } from "@db/schema";
import { summarizeFindings } from "@schemas/findings";
import { validateFracDocument } from "@schemas/validator";
import type { Tx } from "@db/client";
import { loadDraftDocument } from "../draft/document.server";
import { nextVersionNumber, type Actor, type Target } from "../review/guard.server";
import { refusalText } from "~/i18n/refusal-text";
import { refuse } from "../refusal.server";
import { recordVersionInsight } from "../insight/version-insight.server";
import { serializeDocument } from "./versions.server";

export type Published = { id: string; number: number; sha256: string; publishedAt: string; nodeCount: number; linkCount: number };

/**
 * Snapshots the draft as version N (previous max + 1) with its sha256 and who submitted,
 * verified and approved it. The snapshot carries each competency's text and scale as they are
 * now, so later dictionary edits never change it. Call inside the approval's transaction.
 */
export function publishVersion(tx: Tx, { target, actor, publishedAt }: { target: Target; actor: Actor; publishedAt: string }): Published {
  // why on the transaction's connection: loadDraftDocument reads through the same better-sqlite3
  // connection, so it sees exactly the state this (immediate) transaction holds.
  const draft = loadDraftDocument({ mdoId: target.mdo.id });
  if (!draft) refuse(404, refusalText("publish.noFramework"));
  // why check again: the draft was frozen at submission, but the shared dictionary was not; a
  // retired competency or a shortened scale could have broken it since.
  const findings = validateFracDocument(draft, { mode: "submit" });
  const { errors } = summarizeFindings(findings);
  if (errors > 0) {
    refuse(
      409,
      refusalText("publish.noLongerValid", { count: errors }),
      { blockers: findings.filter((f) => f.severity === "error") },
    );
  }

  const number = nextVersionNumber(tx, target.mdo.id);
  const document = { ...draft, version: number, status: "PUBLISHED" as const, publishedAt };
  const { text, sha256 } = serializeDocument(document);
  const row = {
    id: crypto.randomUUID(),
    mdoId: target.mdo.id,
    frameworkId: target.fw.id,
    number,
    document: text,
    sha256,
    nodeCount: document.nodes.length,
    linkCount: document.links.length,
    submittedBy: target.fw.submittedBy,
    verifiedBy: target.fw.verifiedBy,
    approvedBy: actor.id,
    publishedAt,
  };
  tx.insert(versions).values(row).run();
  // why here: the insight pages then never parse this snapshot to learn its demand (decision 030).
  recordVersionInsight(sha256, document);
  return { id: row.id, number, sha256, publishedAt, nodeCount: row.nodeCount, linkCount: row.linkCount };
}
