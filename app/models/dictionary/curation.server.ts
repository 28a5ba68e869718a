/**
 * A curator's changes to the shared dictionary: level indicators, and merging a duplicate into
 * another entry. Entries are never deleted (published versions keep pointing at them); each change
 * is one transaction with its audit rows.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@db/client";
import { competencies, competencyPositions, frameworks, links } from "@db/schema";
import { readIndicators, type LevelIndicators } from "@schemas/indicators";
import { refusalText, type RefusalKey, type RefusalParams, type RefusalText } from "~/i18n/refusal-text";
import { refusalFields } from "../refusal.server";
import { audit } from "../audit/write.server";

export type CurationResult = { ok: true } | { ok: false; status: 400 | 404 | 409; message: string; code: RefusalKey; params?: RefusalParams };

const refused = (status: 400 | 404 | 409, text: RefusalText): CurationResult => ({ ok: false, status, ...refusalFields(text) });

/** Replaces an entry's level indicators (levels left out have none written); audited with before and after. */
export function setIndicators({ competencyId, indicators, actorId }: { competencyId: string; indicators: LevelIndicators; actorId: string }): CurationResult {
  return getDb().transaction((tx) => {
    const entry = tx.select().from(competencies).where(eq(competencies.id, competencyId)).get();
    if (!entry) return refused(404, refusalText("dictionary.noCompetency"));
    const before = readIndicators(entry.indicators);
    const after = Object.fromEntries(Object.entries(indicators).filter(([, list]) => list.length > 0));
    const stored = Object.keys(after).length ? after : null;
    tx.update(competencies).set({ indicators: stored, updatedAt: new Date().toISOString() }).where(eq(competencies.id, competencyId)).run();
    audit(tx, { userId: actorId, mdoId: entry.mdoId, entity: "competency", entityId: competencyId, action: "indicators", before, after, field: "indicators" });
    return { ok: true };
  });
}

/**
 * Merges `duplicateId` into `survivorId`: drafts' requirements and sub-themes move to the survivor
 * (a requirement the survivor already has from the same node is dropped), the duplicate is retired
 * with `merged_into_id` so its id still resolves, and every framework it touched gets a new revision.
 */
export function mergeEntries({ duplicateId, survivorId, actorId }: { duplicateId: string; survivorId: string; actorId: string }): CurationResult {
  if (duplicateId === survivorId) return refused(400, refusalText("merge.itself"));
  return getDb().transaction((tx) => {
    const [dup, survivor] = [duplicateId, survivorId].map((id) => tx.select().from(competencies).where(eq(competencies.id, id)).get());
    if (!dup || !survivor) return refused(404, refusalText("dictionary.noCompetency"));
    if (dup.mergedIntoId) return refused(409, refusalText("merge.alreadyMerged", { name: dup.name }));
    if (survivor.status !== "active") return refused(409, refusalText("merge.survivorRetired", { name: survivor.name }));
    if (dup.type !== survivor.type) return refused(400, refusalText("merge.typesDiffer", { name: dup.name, type: refusalText(`type.${dup.type}`), other: survivor.name, otherType: refusalText(`type.${survivor.type}`) }));
    if (dup.mdoId !== survivor.mdoId) return refused(400, refusalText("merge.ownersDiffer"));

    const moving = tx.select().from(links).where(eq(links.toCompetencyId, duplicateId)).all();
    const held = new Set(tx.select({ from: links.fromId }).from(links).where(eq(links.toCompetencyId, survivorId)).all().map((l) => l.from));
    const clash = moving.filter((l) => held.has(l.fromId)).map((l) => l.id);
    if (clash.length) tx.delete(links).where(inArray(links.id, clash)).run();
    tx.update(links).set({ toCompetencyId: survivorId }).where(eq(links.toCompetencyId, duplicateId)).run();
    tx.delete(competencyPositions)
      .where(and(eq(competencyPositions.competencyId, duplicateId), sql`${competencyPositions.frameworkId} in (select framework_id from competency_positions where competency_id = ${survivorId})`))
      .run();
    tx.update(competencyPositions).set({ competencyId: survivorId }).where(eq(competencyPositions.competencyId, duplicateId)).run();
    const children = tx.update(competencies).set({ parentId: survivorId }).where(eq(competencies.parentId, duplicateId)).returning({ id: competencies.id }).all();
    const now = new Date().toISOString();
    tx.update(competencies).set({ status: "retired", mergedIntoId: survivorId, updatedAt: now }).where(eq(competencies.id, duplicateId)).run();
    const touched = [...new Set(moving.map((l) => l.frameworkId))];
    if (touched.length) tx.update(frameworks).set({ revision: sql`${frameworks.revision} + 1`, updatedAt: now, updatedBy: actorId }).where(inArray(frameworks.id, touched)).run();

    const summary = { survivorId, survivorName: survivor.name, linksMoved: moving.length - clash.length, linksDropped: clash.length, subThemesMoved: children.length, frameworks: touched.length };
    audit(tx, { userId: actorId, mdoId: dup.mdoId, entity: "competency", entityId: duplicateId, action: "merge", before: { status: dup.status, mergedIntoId: null }, after: { status: "retired", mergedIntoId: survivorId, ...summary } });
    audit(tx, { userId: actorId, mdoId: survivor.mdoId, entity: "competency", entityId: survivorId, action: "merge in", before: null, after: { duplicateId, duplicateName: dup.name, ...summary } });
    return { ok: true };
  });
}

/** The entry's change history (audit rows about it), newest first. */
export function entryHistory({ competencyId }: { competencyId: string }) {
  return getDb().all<{ id: number; at: string; action: string; before: string | null; after: string | null; userName: string | null }>(
    sql`select a.id, a.at, a.action, a.before, a.after, u.name as userName from audit_log a left join users u on u.id = a.user_id
        where a.entity = 'competency' and a.entity_id = ${competencyId} order by a.id desc limit 50`,
  );
}

/** A dictionary entry named by its id or its KCM code (any case), or null. */
export function findEntryByIdOrCode(text: string): { id: string } | null {
  const value = text.trim();
  const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
  return getDb().select({ id: competencies.id }).from(competencies).where(byId ? eq(competencies.id, value.toLowerCase()) : eq(competencies.code, value.toUpperCase())).get() ?? null;
}
