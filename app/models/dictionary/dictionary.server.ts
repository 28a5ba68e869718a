/** The competency dictionary: KCM themes and sub-themes, and ministries' Domain competencies. */
import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import { getDb } from "@db/client";
import { competencies, mdos, scales } from "@db/schema";
import type { CompetencyType } from "@schemas/enums";
import type { ProficiencyScale } from "@schemas/scale";
import { readIndicators, type LevelIndicators } from "@schemas/indicators";
import { readScale } from "../draft/document.server";

export type DictionaryEntry = {
  id: string;
  code: string | null;
  type: CompetencyType;
  name: string;
  nameHi: string | null;
  description: string;
  descriptionHi: string | null;
  parentId: string | null;
  mdoCode: string | null;
  mdoName: string | null;
  source: string | null;
  status: "active" | "retired";
  /** Set when a curator merged this entry into another. */
  mergedIntoId: string | null;
  indicators: LevelIndicators;
  scale: ProficiencyScale;
};

export type DictionaryTheme = DictionaryEntry & { subThemes: DictionaryEntry[] };

/** Entries a user may see: the shared dictionary, plus Domain entries of the listed MDOs (all when `allMdos`). */
function visible(mdoIds: string[], allMdos: boolean) {
  if (allMdos) return undefined;
  return mdoIds.length ? or(isNull(competencies.mdoId), inArray(competencies.mdoId, mdoIds)) : isNull(competencies.mdoId);
}

function selectEntries() {
  return getDb()
    .select({
      id: competencies.id,
      code: competencies.code,
      type: competencies.type,
      name: competencies.name,
      nameHi: competencies.nameHi,
      description: competencies.description,
      descriptionHi: competencies.descriptionHi,
      parentId: competencies.parentId,
      mdoCode: mdos.code,
      mdoName: mdos.name,
      source: competencies.source,
      status: competencies.status,
      mergedIntoId: competencies.mergedIntoId,
      indicators: competencies.indicators,
      levels: scales.levels,
    })
    .from(competencies)
    .innerJoin(scales, eq(scales.id, competencies.scaleId))
    .leftJoin(mdos, eq(mdos.id, competencies.mdoId));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectEntries>["all"]>>[number];
const toEntry = ({ levels, indicators, ...r }: Row): DictionaryEntry => ({ ...r, indicators: readIndicators(indicators), scale: readScale(levels) });

/** The dictionary as types → themes → sub-themes, in dictionary order. */
export function listDictionary({ mdoIds, allMdos }: { mdoIds: string[]; allMdos: boolean }) {
  const rows = selectEntries()
    .where(and(eq(competencies.status, "active"), visible(mdoIds, allMdos)))
    .orderBy(asc(competencies.sortOrder), asc(competencies.name))
    .all()
    .map(toEntry);
  const themes = new Map<string, DictionaryTheme>();
  for (const r of rows) if (!r.parentId) themes.set(r.id, { ...r, subThemes: [] });
  for (const r of rows) if (r.parentId) themes.get(r.parentId)?.subThemes.push(r);
  const byType = (type: CompetencyType) => [...themes.values()].filter((t) => t.type === type);
  return { Behavioural: byType("Behavioural"), Functional: byType("Functional"), Domain: byType("Domain") };
}

/** One entry with its parent theme and sub-themes, or null when unknown or not visible. */
export function getDictionaryEntry({ id, mdoIds, allMdos }: { id: string; mdoIds: string[]; allMdos: boolean }) {
  const entry = selectEntries().where(and(eq(competencies.id, id), visible(mdoIds, allMdos))).get();
  if (!entry) return null;
  const parent = entry.parentId ? selectEntries().where(eq(competencies.id, entry.parentId)).get() : undefined;
  const children = selectEntries().where(eq(competencies.parentId, id)).orderBy(asc(competencies.sortOrder)).all();
  return { ...toEntry(entry), parent: parent ? toEntry(parent) : null, subThemes: children.map(toEntry) };
}

/** The active themes of the shared dictionary, for choosing where a new sub-theme goes. */
export function sharedThemeChoices(): { id: string; type: "Behavioural" | "Functional"; name: string }[] {
  return getDb()
    .select({ id: competencies.id, type: competencies.type, name: competencies.name })
    .from(competencies)
    .where(and(isNull(competencies.mdoId), isNull(competencies.parentId), eq(competencies.status, "active"), inArray(competencies.type, ["Behavioural", "Functional"])))
    .orderBy(asc(competencies.type), asc(competencies.sortOrder), asc(competencies.name))
    .all()
    .flatMap((t) => (t.type === "Domain" ? [] : [{ ...t, type: t.type }]));
}

/** The proficiency scales an entry may use. */
export function scaleChoices() {
  return getDb().select({ id: scales.id, name: scales.name }).from(scales).orderBy(asc(scales.name)).all();
}

/** The retired entries of the shared dictionary (merged ones excluded: their addresses lead to the survivor). */
export function retiredSharedEntries() {
  return getDb()
    .select({ id: competencies.id, name: competencies.name, type: competencies.type, code: competencies.code })
    .from(competencies)
    .where(and(isNull(competencies.mdoId), eq(competencies.status, "retired"), isNull(competencies.mergedIntoId)))
    .orderBy(asc(competencies.type), asc(competencies.name))
    .all();
}
