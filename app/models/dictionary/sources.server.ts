/**
 * Outside frameworks as dictionary sources: a CASE package's items kept under their own
 * identifiers, re-imported in place (created, updated, unchanged; never deleted), and read back
 * by source for the dictionary's pages.
 */
import { asc, count, eq, inArray } from "drizzle-orm";
import { getClient, getDb } from "@db/client";
import { competencies, dictionarySources, sourceEntries } from "@db/schema";
import type { CaseEntryRecord, CasePackageRead } from "@import/case-package";
import { audit, auditMany, type AuditEntry } from "../audit/write.server";
import { refusalText } from "~/i18n/refusal-text";
import { refuse, refusedOf, type Refused } from "../refusal.server";

/** Who may import outside frameworks and map their entries: the dictionary's curators and admins. */
export const SOURCE_CURATORS = ["curator", "admin"] as const;

export type SourceImportResult = {
  ok: true;
  source: { identifier: string; title: string };
  created: number;
  updated: number;
  unchanged: number;
};

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];
type EntryRow = typeof sourceEntries.$inferSelect;

const ENTRY_FIELDS = ["parentId", "fullStatement", "abbreviatedStatement", "humanCodingScheme", "itemType", "language", "notes", "uri", "lastChangeDateTime", "sortOrder"] as const;
const SOURCE_FIELDS = ["title", "creator", "description", "uri", "version", "caseVersion", "lastChangeDateTime"] as const;

function changedFields<T extends Record<string, unknown>>(before: T, after: T, fields: readonly (keyof T)[]): (keyof T)[] {
  return fields.filter((f) => before[f] !== after[f]);
}

const pick = <T extends Record<string, unknown>>(row: T, fields: readonly (keyof T)[]) => Object.fromEntries(fields.map((f) => [f, row[f]]));

/** Refuses identifiers that already name something else: an item of another source, or a dictionary entry. */
function refuseForeignIds(tx: Tx, sourceId: string, entries: CaseEntryRecord[]): Map<string, EntryRow> {
  const ids = entries.map((e) => e.id);
  const existing = new Map<string, EntryRow>();
  const clashes: string[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500);
    for (const row of tx.select().from(sourceEntries).where(inArray(sourceEntries.id, slice)).all()) {
      if (row.sourceId !== sourceId) clashes.push(`${row.id} (already an item of the source ${row.sourceId})`);
      else existing.set(row.id, row);
    }
    for (const row of tx.select({ id: competencies.id, name: competencies.name }).from(competencies).where(inArray(competencies.id, slice)).all()) {
      clashes.push(`${row.id} (already the dictionary entry "${row.name}")`);
    }
  }
  if (tx.select({ id: competencies.id }).from(competencies).where(eq(competencies.id, sourceId)).get()) clashes.push(`${sourceId} (the CFDocument; already a dictionary entry)`);
  if (clashes.length) refuse(409, refusalText("source.foreignIds", { ids: clashes.slice(0, 3).join("; "), more: clashes.length > 3 ? refusalText("source.andMore", { n: clashes.length - 3 }) : "" }));
  return existing;
}

function upsertSource(tx: Tx, read: CasePackageRead, userId: string | null, at: string): void {
  const { id, ...fields } = read.source;
  const before = tx.select().from(dictionarySources).where(eq(dictionarySources.id, id)).get();
  if (!before) {
    tx.insert(dictionarySources).values({ id, ...fields, importedBy: userId, createdAt: at, updatedAt: at }).run();
    audit(tx, { userId, mdoId: null, entity: "dictionary_source", entityId: id, action: "create", before: null, after: fields });
    return;
  }
  const changed = changedFields(before, { ...before, ...fields }, SOURCE_FIELDS);
  if (!changed.length) return;
  tx.update(dictionarySources).set({ ...fields, importedBy: userId, updatedAt: at }).where(eq(dictionarySources.id, id)).run();
  audit(tx, { userId, mdoId: null, entity: "dictionary_source", entityId: id, action: "update", before: pick(before, changed), after: pick({ ...before, ...fields }, changed) });
}

function importInTx(tx: Tx, read: CasePackageRead, userId: string | null): SourceImportResult {
  const at = new Date().toISOString();
  const existing = refuseForeignIds(tx, read.source.id, read.entries);
  upsertSource(tx, read, userId, at);
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const trail: AuditEntry[] = [];
  // why in hierarchy order: a parent row exists (new or old) before a child points at it.
  for (const entry of read.entries) {
    const { id, ...fields } = entry;
    const before = existing.get(id);
    if (!before) {
      tx.insert(sourceEntries).values({ ...entry, sourceId: read.source.id, createdAt: at, updatedAt: at }).run();
      trail.push({ entity: "source_entry", entityId: id, action: "create", before: null, after: fields });
      created++;
      continue;
    }
    const changed = changedFields(before, { ...before, ...fields }, ENTRY_FIELDS);
    if (!changed.length) {
      unchanged++;
      continue;
    }
    tx.update(sourceEntries).set({ ...fields, updatedAt: at }).where(eq(sourceEntries.id, id)).run();
    trail.push({ entity: "source_entry", entityId: id, action: "update", before: pick(before, changed), after: pick({ ...before, ...fields }, changed) });
    updated++;
  }
  // why one prepared statement: a package of thousands of items would otherwise cost a query pair per row.
  auditMany(getClient().sqlite, { userId, mdoId: null, entries: trail });
  return { ok: true, source: { identifier: read.source.id, title: read.source.title }, created, updated, unchanged };
}

/**
 * Imports (or re-imports) a read CASE package as a dictionary source, all or nothing, audited:
 * new items are created, changed ones updated, and items no longer in the package are kept.
 */
export function importCaseSource({ read, userId }: { read: CasePackageRead; userId: string | null }): SourceImportResult | Refused {
  try {
    return getDb().transaction((tx) => importInTx(tx, read, userId), { behavior: "immediate" });
  } catch (error) {
    return refusedOf(error);
  }
}

export type SourceSummary = { id: string; title: string; creator: string; caseVersion: string | null; entries: number; updatedAt: string };

/** Every outside source, by title, with its number of entries. */
export function listSources(): SourceSummary[] {
  const db = getDb();
  const counts = new Map(
    db.select({ sourceId: sourceEntries.sourceId, n: count() }).from(sourceEntries).groupBy(sourceEntries.sourceId).all().map((r) => [r.sourceId, r.n] as const),
  );
  return db
    .select({ id: dictionarySources.id, title: dictionarySources.title, creator: dictionarySources.creator, caseVersion: dictionarySources.caseVersion, updatedAt: dictionarySources.updatedAt })
    .from(dictionarySources)
    .orderBy(asc(dictionarySources.title))
    .all()
    .map((s) => ({ ...s, entries: counts.get(s.id) ?? 0 }));
}

/** One source with its entries in hierarchy order (each with its depth), or null. */
export function getSource({ id }: { id: string }) {
  const db = getDb();
  const source = db.select().from(dictionarySources).where(eq(dictionarySources.id, id)).get();
  if (!source) return null;
  const rows = db.select().from(sourceEntries).where(eq(sourceEntries.sourceId, id)).orderBy(asc(sourceEntries.sortOrder)).all();
  const depth = new Map<string, number>();
  const entries = rows.map((r) => {
    const d = r.parentId ? (depth.get(r.parentId) ?? 0) + 1 : 0;
    depth.set(r.id, d);
    return { ...r, depth: d };
  });
  return { ...source, entries };
}

/** One outside entry with its source, parent and children, or null when no source holds this id. */
export function getSourceEntry({ id }: { id: string }) {
  const db = getDb();
  const entry = db.select().from(sourceEntries).where(eq(sourceEntries.id, id)).get();
  if (!entry) return null;
  const source = db.select({ id: dictionarySources.id, title: dictionarySources.title, creator: dictionarySources.creator }).from(dictionarySources).where(eq(dictionarySources.id, entry.sourceId)).get();
  const parent = entry.parentId ? (db.select().from(sourceEntries).where(eq(sourceEntries.id, entry.parentId)).get() ?? null) : null;
  const children = db.select().from(sourceEntries).where(eq(sourceEntries.parentId, id)).orderBy(asc(sourceEntries.sortOrder)).all();
  return { ...entry, source: source ?? { id: entry.sourceId, title: entry.sourceId, creator: "" }, parent, children };
}
