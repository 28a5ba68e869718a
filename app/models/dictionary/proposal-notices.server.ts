/**
 * The notices about dictionary proposals, in one place: curators hear of a new proposal, the
 * author hears of the decision. Why one file: the notices' text will move to message keys
 * rendered in each reader's language; only these two functions then change.
 */
import type { Tx } from "@db/client";
import { notify, usersWithRole, type Notice } from "../review/notices.server";

type Proposal = { id: string; name: string; competencyId: string | null; proposedBy: string };

const what = (p: Proposal) => (p.competencyId ? `the change to “${p.name}”` : `“${p.name}”`);

/** Tells every curator that a proposal waits in their queue. */
export function noticeProposalReceived(tx: Tx, { proposal, authorName }: { proposal: Proposal; authorName: string }): Notice[] {
  return notify(tx, {
    userIds: usersWithRole(tx, "curator").filter((id) => id !== proposal.proposedBy),
    mdoId: null,
    kind: "proposal",
    message: `${authorName} proposed ${what(proposal)} for the competency dictionary.`,
    href: "/dictionary/proposals",
  });
}

/** Tells the author how a curator decided their proposal. */
export function noticeProposalDecided(tx: Tx, { proposal, accepted, reason, resultId }: { proposal: Proposal; accepted: boolean; reason: string; resultId: string | null }): Notice[] {
  const message = accepted
    ? `Your proposal of ${what(proposal)} was accepted: it is now in the competency dictionary.${reason ? ` ${reason}` : ""}`
    : `Your proposal of ${what(proposal)} was declined: ${reason}`;
  return notify(tx, { userIds: [proposal.proposedBy], mdoId: null, kind: "proposal", message, href: accepted && resultId ? `/dictionary/${resultId}` : "/dictionary/propose" });
}
