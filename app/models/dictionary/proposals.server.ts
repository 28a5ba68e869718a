/**
 * Proposals to the shared dictionary: an author proposes a new Behavioural or Functional entry, or
 * a change to an entry's name and description; a curator accepts (the entry is created or changed
 * in the same transaction, and the proposal records it) or declines with a reason. The author is
 * notified either way. Every refusal is checked before anything is written.
 */
import crypto from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@db/client";
import { competencies, dictionaryProposals, users } from "@db/schema";
import type { SharedType } from "@schemas/dictionary-entry";
import { refusalText, type RefusalText } from "~/i18n/refusal-text";
import { audit } from "../audit/write.server";
import { refusalFields } from "../refusal.server";
import { deliverByEmail, type Notice } from "../review/notices.server";
import { addEntryInTx, checkNewEntry, editEntryInTx, frozenReason, type EntryWriteResult } from "./entry-writes.server";
import { noticeProposalDecided, noticeProposalReceived } from "./proposal-notices.server";

export type ProposalInput = {
  /** null: a new entry; otherwise the entry whose name and description should change. */
  competencyId: string | null;
  type: SharedType;
  parentId: string | null;
  name: string;
  description: string;
  /** The Hindi name and description, optional (null: none, or for a change: keep the entry's). */
  nameHi?: string | null;
  descriptionHi?: string | null;
  rationale: string;
  proposerId: string;
};

type Refusal = Extract<EntryWriteResult, { ok: false }>;
const refuse = (status: Refusal["status"], text: RefusalText, field?: string): Refusal => ({ ok: false, status, ...refusalFields(text), ...(field ? { field } : {}) });

function afterCommit<T extends { ok: boolean }>(run: (notices: Notice[]) => T): T {
  const notices: Notice[] = [];
  const result = run(notices);
  if (result.ok) deliverByEmail(notices);
  return result;
}

/** Records a proposal (new entry or change) and tells the curators; refused with the reason when it could never be accepted as it stands. */
export function propose(input: ProposalInput): EntryWriteResult {
  return afterCommit((notices) =>
    getDb().transaction((tx) => {
      let { type, parentId } = input;
      if (input.competencyId) {
        const entry = tx.select().from(competencies).where(and(eq(competencies.id, input.competencyId), isNull(competencies.mdoId))).get();
        if (!entry) return refuse(404, refusalText("dictionary.noEntry"));
        if (entry.type === "Domain") return refuse(400, refusalText("proposal.domain"));
        const frozen = frozenReason(entry);
        if (frozen) return refuse(409, frozen);
        const sameHindi = (input.nameHi ?? null) === entry.nameHi && (input.descriptionHi ?? null) === entry.descriptionHi;
        if (entry.name === input.name && entry.description === input.description && sameHindi) return refuse(400, refusalText("proposal.nothingChanged"), "name");
        [type, parentId] = [entry.type, entry.parentId];
      } else {
        const problem = checkNewEntry(tx, { type, parentId, name: input.name, description: input.description });
        if (problem) return problem;
      }
      const id = crypto.randomUUID();
      const hindi = { nameHi: input.nameHi ?? null, descriptionHi: input.descriptionHi ?? null };
      const row = { id, competencyId: input.competencyId, type, parentId, name: input.name, description: input.description, ...hindi, rationale: input.rationale, proposedBy: input.proposerId };
      tx.insert(dictionaryProposals).values(row).run();
      const hindiAudit = { ...(hindi.nameHi ? { nameHi: hindi.nameHi } : {}), ...(hindi.descriptionHi ? { descriptionHi: hindi.descriptionHi } : {}) };
      audit(tx, { userId: input.proposerId, mdoId: null, entity: "dictionary_proposal", entityId: id, action: "propose", after: { competencyId: row.competencyId, type, parentId, name: row.name, description: row.description, ...hindiAudit, rationale: row.rationale } });
      const author = tx.select({ name: users.name }).from(users).where(eq(users.id, input.proposerId)).get();
      notices.push(...noticeProposalReceived(tx, { proposal: row, authorName: author?.name ?? "An author" }));
      return { ok: true as const, id };
    }),
  );
}

export type Decision = { proposalId: string; accept: boolean; reason: string; actorId: string };

/**
 * Accepts or declines an open proposal. Accepting creates the entry (or changes it) exactly as a
 * curator's own form would, and records its id; declining needs a reason. The author is notified.
 */
export function decideProposal({ proposalId, accept, reason, actorId }: Decision): EntryWriteResult {
  return afterCommit((notices) =>
    getDb().transaction((tx) => {
      const p = tx.select().from(dictionaryProposals).where(eq(dictionaryProposals.id, proposalId)).get();
      if (!p) return refuse(404, refusalText("proposal.missing"));
      if (p.status !== "open") return refuse(409, refusalText("proposal.alreadyDecided", { status: refusalText(`proposal.status.${p.status}`) }));
      if (!accept && !reason.trim()) return refuse(400, refusalText("proposal.reasonNeeded"), "reason");
      let resultId: string | null = null;
      if (accept) {
        const written = p.competencyId
          ? // why null keeps the entry's Hindi: proposals made before Hindi could be proposed hold none, and must not erase it.
            editEntryInTx(tx, { competencyId: p.competencyId, name: p.name, description: p.description, nameHi: p.nameHi ?? undefined, descriptionHi: p.descriptionHi ?? undefined, actorId, proposalId })
          : addEntryInTx(tx, { entry: { type: p.type as SharedType, parentId: p.parentId, name: p.name, description: p.description, nameHi: p.nameHi, descriptionHi: p.descriptionHi }, actorId, proposalId });
        if (!written.ok) return written;
        resultId = written.id;
      }
      const status = accept ? ("accepted" as const) : ("declined" as const);
      const decidedAt = new Date().toISOString();
      tx.update(dictionaryProposals).set({ status, decidedBy: actorId, decidedAt, decisionReason: reason || null, resultId }).where(eq(dictionaryProposals.id, p.id)).run();
      audit(tx, { userId: actorId, mdoId: null, entity: "dictionary_proposal", entityId: p.id, action: accept ? "accept" : "decline", field: "status", before: { status: "open" }, after: { status, reason: reason || null, resultId } });
      notices.push(...noticeProposalDecided(tx, { proposal: p, accepted: accept, reason, resultId }));
      return { ok: true as const, id: p.id };
    }),
  );
}

const entry = alias(competencies, "entry");
const parent = alias(competencies, "parent");
const author = alias(users, "author");
const decider = alias(users, "decider");

function selectProposals() {
  return getDb()
    .select({
      id: dictionaryProposals.id,
      competencyId: dictionaryProposals.competencyId,
      currentName: entry.name,
      currentDescription: entry.description,
      currentNameHi: entry.nameHi,
      type: dictionaryProposals.type,
      parentId: dictionaryProposals.parentId,
      parentName: parent.name,
      name: dictionaryProposals.name,
      description: dictionaryProposals.description,
      nameHi: dictionaryProposals.nameHi,
      descriptionHi: dictionaryProposals.descriptionHi,
      rationale: dictionaryProposals.rationale,
      status: dictionaryProposals.status,
      authorName: author.name,
      authorEmail: author.email,
      deciderName: decider.name,
      decidedAt: dictionaryProposals.decidedAt,
      decisionReason: dictionaryProposals.decisionReason,
      resultId: dictionaryProposals.resultId,
      createdAt: dictionaryProposals.createdAt,
    })
    .from(dictionaryProposals)
    .innerJoin(author, eq(author.id, dictionaryProposals.proposedBy))
    .leftJoin(decider, eq(decider.id, dictionaryProposals.decidedBy))
    .leftJoin(entry, eq(entry.id, dictionaryProposals.competencyId))
    .leftJoin(parent, eq(parent.id, dictionaryProposals.parentId));
}

export type ProposalView = Awaited<ReturnType<ReturnType<typeof selectProposals>["all"]>>[number];

/** The curators' queue: open proposals, oldest first, and the most recently decided ones. */
export function proposalQueue({ decidedLimit = 20 }: { decidedLimit?: number } = {}) {
  const open = selectProposals().where(eq(dictionaryProposals.status, "open")).orderBy(dictionaryProposals.createdAt, sql`${dictionaryProposals}.rowid`).all();
  const decided = selectProposals().where(sql`${dictionaryProposals.status} <> 'open'`).orderBy(desc(dictionaryProposals.decidedAt)).limit(decidedLimit).all();
  return { open, decided };
}

/** One author's own proposals, newest first. */
export function proposalsBy({ userId }: { userId: string }): ProposalView[] {
  return selectProposals().where(eq(dictionaryProposals.proposedBy, userId)).orderBy(desc(dictionaryProposals.createdAt), desc(sql`${dictionaryProposals}.rowid`)).limit(100).all();
}

/** How many proposals wait for a curator. */
export function openProposalCount(): number {
  return getDb().select({ n: sql<number>`count(*)` }).from(dictionaryProposals).where(eq(dictionaryProposals.status, "open")).get()!.n;
}
