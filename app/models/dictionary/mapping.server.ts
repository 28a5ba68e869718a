/**
 * Curators' mappings from outside entries (dictionary sources) to the Karmayogi Competency Model:
 * exact match, broader, narrower, related. Every change is audited.
 */
import crypto from "node:crypto";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@db/client";
import { competencies, dictionaryMappings, dictionarySources, MAPPING_RELATIONS, sourceEntries } from "@db/schema";
import { audit } from "../audit/write.server";
import { refusalText } from "~/i18n/refusal-text";
import { refuse, refusedOf, type Refused } from "../refusal.server";

export type MappingRelation = (typeof MAPPING_RELATIONS)[number];
export { MAPPING_RELATIONS };

/** Adds (or changes the relation of) the mapping between an outside entry and a KCM entry; audited. */
export function saveMapping({ sourceEntryId, competencyId, relation, userId }: { sourceEntryId: string; competencyId: string; relation: MappingRelation; userId: string }): { ok: true; id: string; changed: boolean } | Refused {
  try {
    return getDb().transaction(
      (tx) => {
        const entry = tx.select({ id: sourceEntries.id }).from(sourceEntries).where(eq(sourceEntries.id, sourceEntryId)).get();
        if (!entry) refuse(404, refusalText("mapping.noSourceEntry"));
        const kcm = tx.select().from(competencies).where(eq(competencies.id, competencyId)).get();
        if (!kcm || kcm.mdoId !== null || kcm.type === "Domain" || kcm.status !== "active") {
          refuse(400, refusalText("mapping.chooseKcm"));
        }
        const held = tx.select().from(dictionaryMappings).where(and(eq(dictionaryMappings.sourceEntryId, sourceEntryId), eq(dictionaryMappings.competencyId, competencyId))).get();
        if (held) {
          if (held.relation === relation) return { ok: true as const, id: held.id, changed: false };
          tx.update(dictionaryMappings).set({ relation }).where(eq(dictionaryMappings.id, held.id)).run();
          audit(tx, { userId, mdoId: null, entity: "dictionary_mapping", entityId: held.id, action: "update", before: { relation: held.relation }, after: { relation }, field: "relation" });
          return { ok: true as const, id: held.id, changed: true };
        }
        const row = { id: crypto.randomUUID(), sourceEntryId, competencyId, relation, createdBy: userId, createdAt: new Date().toISOString() };
        tx.insert(dictionaryMappings).values(row).run();
        audit(tx, { userId, mdoId: null, entity: "dictionary_mapping", entityId: row.id, action: "create", before: null, after: { sourceEntryId, competencyId, relation } });
        return { ok: true as const, id: row.id, changed: true };
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    return refusedOf(error);
  }
}

/** Removes a mapping; audited with what it was. */
export function removeMapping({ id, userId }: { id: string; userId: string }): { ok: true; sourceEntryId: string } | Refused {
  try {
    return getDb().transaction(
      (tx) => {
        const held = tx.select().from(dictionaryMappings).where(eq(dictionaryMappings.id, id)).get();
        if (!held) refuse(404, refusalText("mapping.gone"));
        tx.delete(dictionaryMappings).where(eq(dictionaryMappings.id, id)).run();
        audit(tx, { userId, mdoId: null, entity: "dictionary_mapping", entityId: id, action: "delete", before: { sourceEntryId: held.sourceEntryId, competencyId: held.competencyId, relation: held.relation }, after: null });
        return { ok: true as const, sourceEntryId: held.sourceEntryId };
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    return refusedOf(error);
  }
}

/** The mappings of one outside entry, with the KCM entries they point at. */
export function mappingsOfSourceEntry({ sourceEntryId }: { sourceEntryId: string }) {
  return getDb()
    .select({ id: dictionaryMappings.id, relation: dictionaryMappings.relation, competencyId: competencies.id, code: competencies.code, name: competencies.name, type: competencies.type })
    .from(dictionaryMappings)
    .innerJoin(competencies, eq(competencies.id, dictionaryMappings.competencyId))
    .where(eq(dictionaryMappings.sourceEntryId, sourceEntryId))
    .orderBy(asc(competencies.sortOrder), asc(competencies.name))
    .all();
}

/** The outside entries mapped to one dictionary entry, with their sources. */
export function mappingsOfCompetency({ competencyId }: { competencyId: string }) {
  return getDb()
    .select({
      id: dictionaryMappings.id,
      relation: dictionaryMappings.relation,
      sourceEntryId: sourceEntries.id,
      statement: sourceEntries.fullStatement,
      humanCodingScheme: sourceEntries.humanCodingScheme,
      sourceId: dictionarySources.id,
      sourceTitle: dictionarySources.title,
    })
    .from(dictionaryMappings)
    .innerJoin(sourceEntries, eq(sourceEntries.id, dictionaryMappings.sourceEntryId))
    .innerJoin(dictionarySources, eq(dictionarySources.id, sourceEntries.sourceId))
    .where(eq(dictionaryMappings.competencyId, competencyId))
    .orderBy(asc(dictionarySources.title), asc(sourceEntries.sortOrder))
    .all();
}

/** Every mapping of the entries of one source (for its CASE package). */
export function mappingsOfSource({ sourceId }: { sourceId: string }) {
  return getDb()
    .select({ id: dictionaryMappings.id, relation: dictionaryMappings.relation, sourceEntryId: dictionaryMappings.sourceEntryId, competencyId: competencies.id, competencyName: competencies.name, createdAt: dictionaryMappings.createdAt })
    .from(dictionaryMappings)
    .innerJoin(sourceEntries, eq(sourceEntries.id, dictionaryMappings.sourceEntryId))
    .innerJoin(competencies, eq(competencies.id, dictionaryMappings.competencyId))
    .where(eq(sourceEntries.sourceId, sourceId))
    .orderBy(asc(dictionaryMappings.createdAt), asc(dictionaryMappings.id))
    .all();
}

/** The KCM entries a curator may map to (Behavioural and Functional, shared, active), in dictionary order. */
export function kcmMappingChoices() {
  return getDb()
    .select({ id: competencies.id, code: competencies.code, name: competencies.name, type: competencies.type })
    .from(competencies)
    .where(and(isNull(competencies.mdoId), inArray(competencies.type, ["Behavioural", "Functional"]), eq(competencies.status, "active")))
    .orderBy(asc(competencies.type), asc(competencies.sortOrder), asc(competencies.name))
    .all();
}
