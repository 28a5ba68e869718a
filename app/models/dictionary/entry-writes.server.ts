/**
 * A curator's writes to the shared dictionary's entries: add, edit (name, description and their
 * optional Hindi) and retire. Nothing is ever deleted: published versions keep pointing at retired entries. Each
 * write checks everything before it writes, so a refusal leaves the database as it was, and
 * records itself in the audit log (the entry's history) in the same transaction.
 */
import crypto from "node:crypto";
import { and, eq, isNull, max, ne, sql } from "drizzle-orm";
import { getDb, type Tx } from "@db/client";
import { competencies, scales } from "@db/schema";
import { defaultScaleIdFor } from "@db/seed-scales";
import type { SharedType } from "@schemas/dictionary-entry";
import { normalizeName } from "@schemas/text";
import { refusalText, type RefusalKey, type RefusalParams, type RefusalText } from "~/i18n/refusal-text";
import { refusalFields } from "../refusal.server";
import { audit } from "../audit/write.server";

export type EntryWriteResult = { ok: true; id: string } | { ok: false; status: 400 | 404 | 409; message: string; code: RefusalKey; params?: RefusalParams; field?: string };

export type NewEntry = { type: SharedType; parentId: string | null; name: string; description: string; nameHi?: string | null; descriptionHi?: string | null; scaleId?: string | null };

/** Where the entry came from, as its page shows it. */
export const CURATED_SOURCE = "FRAC Studio curators";

type Entry = typeof competencies.$inferSelect;

type Refusal = Extract<EntryWriteResult, { ok: false }>;
const refuse = (status: Refusal["status"], text: RefusalText, field?: string): Refusal => ({ ok: false, status, ...refusalFields(text), ...(field ? { field } : {}) });

/** A shared (not a ministry's) entry by id. */
function sharedEntry(tx: Tx, id: string): Entry | undefined {
  return tx.select().from(competencies).where(and(eq(competencies.id, id), isNull(competencies.mdoId))).get();
}

/** Why an entry may no longer change, or null when it may. */
export function frozenReason(entry: Pick<Entry, "name" | "status" | "mergedIntoId">): RefusalText | null {
  if (entry.mergedIntoId) return refusalText("dictionary.merged", { name: entry.name });
  if (entry.status !== "active") return refusalText("dictionary.retiredFrozen", { name: entry.name });
  return null;
}

/** An active sibling (same type, same parent) already holding this name, ignoring case and spacing. */
function sameNamedSibling(tx: Tx, { type, parentId, name, except }: { type: string; parentId: string | null; name: string; except?: string }) {
  const siblings = tx
    .select({ id: competencies.id, name: competencies.name })
    .from(competencies)
    .where(and(isNull(competencies.mdoId), eq(competencies.type, type as Entry["type"]), eq(competencies.status, "active"), parentId ? eq(competencies.parentId, parentId) : isNull(competencies.parentId), except ? ne(competencies.id, except) : undefined))
    .all();
  const wanted = normalizeName(name);
  return siblings.find((s) => normalizeName(s.name) === wanted) ?? null;
}

/**
 * Why a new entry may not be added as given (a parent that is no active theme of its type, an
 * unknown scale, a sibling with the same name), or null when it may; writes nothing.
 */
export function checkNewEntry(tx: Tx, entry: NewEntry): Extract<EntryWriteResult, { ok: false }> | null {
  const parent = entry.parentId ? sharedEntry(tx, entry.parentId) : null;
  if (entry.parentId) {
    if (!parent) return refuse(400, refusalText("dictionary.parentMissing"), "parentId");
    if (parent.parentId) return refuse(400, refusalText("dictionary.parentIsSubTheme", { name: parent.name }), "parentId");
    if (parent.type !== entry.type) return refuse(400, refusalText("dictionary.parentOtherType", { name: parent.name, parentType: refusalText(`type.${parent.type}`), type: refusalText(`type.${entry.type}`) }), "parentId");
    const frozen = frozenReason(parent);
    if (frozen) return refuse(409, frozen, "parentId");
  }
  if (entry.scaleId && !tx.select({ id: scales.id }).from(scales).where(eq(scales.id, entry.scaleId)).get()) return refuse(400, refusalText("dictionary.noScale"), "scaleId");
  const clash = sameNamedSibling(tx, { type: entry.type, parentId: entry.parentId, name: entry.name });
  if (clash) return refuse(409, parent ? refusalText("dictionary.nameTakenUnder", { name: clash.name, parent: parent.name }) : refusalText("dictionary.nameTakenTheme", { name: clash.name, type: refusalText(`type.${entry.type}`) }), "name");
  return null;
}

/** Adds a theme (no parent) or a sub-theme under an active theme of the same type, inside `tx`. */
export function addEntryInTx(tx: Tx, { entry, actorId, proposalId = null }: { entry: NewEntry; actorId: string; proposalId?: string | null }): EntryWriteResult {
  const problem = checkNewEntry(tx, entry);
  if (problem) return problem;
  const parent = entry.parentId ? sharedEntry(tx, entry.parentId) : null;
  const scaleId = entry.scaleId ?? parent?.scaleId ?? defaultScaleIdFor(5);
  const id = crypto.randomUUID();
  const last = tx
    .select({ n: max(competencies.sortOrder) })
    .from(competencies)
    .where(and(isNull(competencies.mdoId), eq(competencies.type, entry.type), entry.parentId ? eq(competencies.parentId, entry.parentId) : isNull(competencies.parentId)))
    .get();
  tx.insert(competencies)
    .values({ id, type: entry.type, name: entry.name, nameHi: entry.nameHi ?? null, description: entry.description, descriptionHi: entry.descriptionHi ?? null, parentId: entry.parentId, scaleId, source: CURATED_SOURCE, sortOrder: (last?.n ?? 0) + 1 })
    .run();
  const hindi = { ...(entry.nameHi ? { nameHi: entry.nameHi } : {}), ...(entry.descriptionHi ? { descriptionHi: entry.descriptionHi } : {}) };
  const after = { type: entry.type, name: entry.name, description: entry.description, ...hindi, parentId: entry.parentId, parentName: parent?.name ?? null, scaleId, ...(proposalId ? { proposalId } : {}) };
  audit(tx, { userId: actorId, mdoId: null, entity: "competency", entityId: id, action: "create", after });
  return { ok: true, id };
}

/** Adds an entry to the shared dictionary (see addEntryInTx). */
export function addEntry(input: { entry: NewEntry; actorId: string }): EntryWriteResult {
  return getDb().transaction((tx) => addEntryInTx(tx, input));
}

/** A change to an entry; `nameHi` / `descriptionHi` null clears the Hindi, left out keeps it as it is. */
export type EntryChange = { competencyId: string; name: string; description: string; nameHi?: string | null; descriptionHi?: string | null; actorId: string; proposalId?: string | null };

/** Changes an active shared entry's name and description (and their Hindi) inside `tx`; audited with the fields that changed. */
export function editEntryInTx(tx: Tx, { competencyId, name, description, nameHi, descriptionHi, actorId, proposalId = null }: EntryChange): EntryWriteResult {
  const entry = sharedEntry(tx, competencyId);
  if (!entry) return refuse(404, refusalText("dictionary.noEntry"));
  const frozen = frozenReason(entry);
  if (frozen) return refuse(409, frozen);
  const before: Record<string, string | null> = {};
  const after: Record<string, string | null> = {};
  if (name !== entry.name) [before.name, after.name] = [entry.name, name];
  if (description !== entry.description) [before.description, after.description] = [entry.description, description];
  if (nameHi !== undefined && nameHi !== entry.nameHi) [before.nameHi, after.nameHi] = [entry.nameHi, nameHi];
  if (descriptionHi !== undefined && descriptionHi !== entry.descriptionHi) [before.descriptionHi, after.descriptionHi] = [entry.descriptionHi, descriptionHi];
  if (Object.keys(after).length === 0) return refuse(400, refusalText("dictionary.nothingChanged"), "name");
  const clash = "name" in after ? sameNamedSibling(tx, { type: entry.type, parentId: entry.parentId, name, except: entry.id }) : null;
  if (clash) return refuse(409, refusalText("dictionary.nameTakenBeside", { name: clash.name }), "name");
  const hindi = { ...("nameHi" in after ? { nameHi: after.nameHi } : {}), ...("descriptionHi" in after ? { descriptionHi: after.descriptionHi } : {}) };
  tx.update(competencies).set({ name, description, ...hindi, updatedAt: new Date().toISOString() }).where(eq(competencies.id, entry.id)).run();
  const field = Object.keys(after).length === 1 ? Object.keys(after)[0] : null;
  audit(tx, { userId: actorId, mdoId: null, entity: "competency", entityId: entry.id, action: "edit", field, before, after: proposalId ? { ...after, proposalId } : after });
  return { ok: true, id: entry.id };
}

/** Changes an active shared entry's name and description (see editEntryInTx). */
export function editEntry(input: EntryChange): EntryWriteResult {
  return getDb().transaction((tx) => editEntryInTx(tx, input));
}

/**
 * Retires an active shared entry: it stays (published versions point at it) and its page says so,
 * but it is no longer offered for new requirements. A theme with active sub-themes is refused.
 */
export function retireEntry({ competencyId, reason, actorId }: { competencyId: string; reason: string; actorId: string }): EntryWriteResult {
  return getDb().transaction((tx) => {
    const entry = sharedEntry(tx, competencyId);
    if (!entry) return refuse(404, refusalText("dictionary.noEntry"));
    if (entry.status !== "active") return refuse(409, refusalText("dictionary.alreadyRetired", { name: entry.name }));
    const active = tx
      .select({ n: sql<number>`count(*)` })
      .from(competencies)
      .where(and(eq(competencies.parentId, entry.id), eq(competencies.status, "active")))
      .get()!.n;
    if (active > 0) return refuse(409, refusalText("dictionary.activeSubThemes", { name: entry.name, count: active }));
    tx.update(competencies).set({ status: "retired", updatedAt: new Date().toISOString() }).where(eq(competencies.id, entry.id)).run();
    audit(tx, { userId: actorId, mdoId: null, entity: "competency", entityId: entry.id, action: "retire", field: "status", before: { status: "active" }, after: { status: "retired", ...(reason ? { reason } : {}) } });
    return { ok: true, id: entry.id };
  });
}
