/**
 * The notices about dictionary proposals, in one place: curators hear of a new proposal, the
 * author hears of the decision. Each is stored as a message key and params
 * (`notifications:notice.proposal*`), so every reader sees it in their own language and the
 * e-mail goes in English and Hindi.
 */
import type { Tx } from "@db/client";
import { notify, usersWithRole, type Notice } from "../review/notices.server";
import type { NoticeKey } from "../review/notice-text.server";

type Proposal = { id: string; name: string; competencyId: string | null; proposedBy: string };

/** Tells every curator that a proposal waits in their queue. */
export function noticeProposalReceived(tx: Tx, { proposal, authorName }: { proposal: Proposal; authorName: string }): Notice[] {
  return notify(tx, {
    userIds: usersWithRole(tx, "curator").filter((id) => id !== proposal.proposedBy),
    mdoId: null,
    kind: "proposal",
    key: proposal.competencyId ? "proposalChangeReceived" : "proposalReceived",
    params: { author: authorName, name: proposal.name },
    href: "/dictionary/proposals",
  });
}

/** Tells the author how a curator decided their proposal. */
export function noticeProposalDecided(tx: Tx, { proposal, accepted, reason, resultId }: { proposal: Proposal; accepted: boolean; reason: string; resultId: string | null }): Notice[] {
  const change = proposal.competencyId !== null;
  // why a key per case: each sentence reads whole in both languages, with no English phrase spliced in.
  const key: NoticeKey = `${change ? "proposalChange" : "proposal"}${accepted ? (reason ? "AcceptedNote" : "Accepted") : "Declined"}` as const;
  return notify(tx, {
    userIds: [proposal.proposedBy],
    mdoId: null,
    kind: "proposal",
    key,
    params: { name: proposal.name, reason },
    href: accepted && resultId ? `/dictionary/${resultId}` : "/dictionary/propose",
  });
}
