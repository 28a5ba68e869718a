/**
 * Competencies named by the file → dictionary entries. Matched by id, else by normalised name
 * within the type and theme given (sub-theme names repeat across KCM themes). An unknown
 * Domain competency is created for the ministry; an unknown Behavioural or Functional one is
 * an error with the closest dictionary names, since only the CBC curates the KCM.
 */
import type { CompetencyType } from "@schemas/enums";
import { defaultScale, describeScale, findLevel, type ProficiencyScale } from "@schemas/scale";
import { normalizeName } from "@schemas/text";
import { shownValue, type ImportFinding } from "./findings";
import {
  at,
  type DictionaryCompetency,
  type KindPlan,
  type PlannedCompetency,
  type PlannedUpdate,
  type Where,
} from "./plan-types";
import type { CompetencyCell, CompetencyRecord } from "./records";
import { NameSuggester } from "./similarity";

type Lookup =
  | { entry: DictionaryCompetency }
  | { ambiguous: DictionaryCompetency[] }
  | { otherType: CompetencyType }
  | null;

function sameScale(a: ProficiencyScale, b: ProficiencyScale): boolean {
  return (
    a.levels.length === b.levels.length &&
    a.levels.every(
      (l, i) => l.level === b.levels[i].level && l.name === b.levels[i].name && l.descriptor === b.levels[i].descriptor,
    )
  );
}

/** Resolves competency cells and definitions against the dictionary, creating Domain entries as needed. */
export class CompetencyResolver {
  private readonly byId = new Map<string, DictionaryCompetency>();
  private readonly byName = new Map<string, DictionaryCompetency[]>();
  private readonly created = new Map<string, PlannedCompetency>();
  private readonly updates = new Map<string, PlannedUpdate>();
  private readonly referenced = new Map<string, string>();
  // Ids a document gives its competencies → the dictionary entry they matched by name.
  private readonly aliases = new Map<string, string>();
  private readonly warnedShared = new Set<string>();
  // Rows naming each created or updated entry; a Set, since one competency may sit on 50,000 rows.
  private readonly rows = new Map<string, Set<number>>();
  private readonly suggester: Record<CompetencyType | "any", NameSuggester>;
  // why a cache: the same competency and theme names repeat on thousands of rows.
  private readonly normalised = new Map<string, string>();
  // Cells already resolved, by name as written: most rows repeat a competency seen before.
  private readonly resolved = new Map<
    string,
    { type?: CompetencyType; theme?: string; entry: DictionaryCompetency }[]
  >();

  constructor(
    dictionary: readonly DictionaryCompetency[],
    private readonly mdoCode: string,
    private readonly findings: ImportFinding[],
  ) {
    for (const entry of dictionary) this.index(entry);
    const of = (type?: CompetencyType) =>
      new NameSuggester(dictionary.filter((e) => !type || e.type === type).map((e) => e.name));
    this.suggester = { any: of(), Behavioural: of("Behavioural"), Functional: of("Functional"), Domain: of("Domain") };
  }

  /** A competency definition (iGOT row, document node): matched, updated when it is the ministry's own, or created. */
  define(record: CompetencyRecord, where: Where): void {
    const known = record.id ? this.byId.get(record.id) : undefined;
    const found = known ? { entry: known } : this.lookup(record.name, record.type, record.theme);
    if (found && "entry" in found) {
      if (record.id && record.id !== found.entry.id) this.aliases.set(record.id, found.entry.id);
      this.describe(found.entry, record, where);
      return;
    }
    if (!this.reportMissing(found, record, where, "name")) return;
    this.create(record.name, record.theme, where, record);
  }

  /** The dictionary entry a row's competency means, or null (with a finding) when there is none. */
  resolve(cell: CompetencyCell, where: Where): DictionaryCompetency | null {
    const byId = cell.id ? this.byId.get(cell.id) ?? this.byId.get(this.aliases.get(cell.id) ?? "") : undefined;
    if (byId && (!cell.type || cell.type === byId.type)) return this.use(byId, where);
    const seen = this.resolved.get(cell.name)?.find((r) => r.type === cell.type && r.theme === cell.theme);
    if (seen) return this.use(seen.entry, where);
    const found = this.lookup(cell.name, cell.type, cell.theme);
    let entry: DictionaryCompetency | null = null;
    if (found && "entry" in found) entry = found.entry;
    else if (this.reportMissing(found, cell, where, "Competency"))
      entry = this.create(cell.name, cell.theme, where, { id: cell.id });
    if (!entry) return null;
    const list = this.resolved.get(cell.name) ?? [];
    list.push({ type: cell.type, theme: cell.theme, entry });
    this.resolved.set(cell.name, list);
    return this.use(entry, where);
  }

  /** The level number a cell means on the competency's scale, or null (with a finding) when it is outside. */
  level(entry: DictionaryCompetency, level: number | string, where: Where): number | null {
    const found = findLevel(entry.scale, level);
    if (found) return found.level;
    this.findings.push({
      ...at(where),
      column: "Required level",
      value: String(level),
      severity: "error",
      code: "level_out_of_scale",
      message: `Required level ${level} is outside the scale of "${shownValue(entry.name)}": ${describeScale(entry.scale)}.`,
    });
    return null;
  }

  /** Create / update / unchanged for the dictionary; nothing is ever removed from it by an import. */
  plan(): KindPlan<PlannedCompetency> {
    const unchanged = [...this.referenced]
      .filter(([id]) => !this.created.has(id) && !this.updates.has(id))
      .map(([id, name]) => ({ id, name }));
    const rows = (id: string) => [...(this.rows.get(id) ?? [])];
    return {
      create: [...this.created.values()].map((c) => ({ ...c, rows: rows(c.id) })),
      update: [...this.updates.values()].map((u) => ({ ...u, rows: rows(u.id) })),
      unchanged,
      remove: [],
    };
  }

  private lookup(name: string, type?: CompetencyType, theme?: string): Lookup {
    const all = this.byName.get(this.normal(name)) ?? [];
    const typed = type ? all.filter((e) => e.type === type) : all;
    if (typed.length === 0) return all.length > 0 && type ? { otherType: all[0].type } : null;
    // A given theme must match; without one, an entry with no theme (a theme itself) is preferred.
    const candidates = theme ? typed.filter((e) => this.normal(e.theme ?? "") === this.normal(theme)) : typed;
    if (candidates.length === 1) return { entry: candidates[0] };
    if (candidates.length === 0) return null;
    const top = candidates.filter((e) => !e.theme);
    return top.length === 1 ? { entry: top[0] } : { ambiguous: candidates };
  }

  // Reports why nothing matched; true when the caller should create a Domain competency instead.
  private reportMissing(
    found: Lookup,
    cell: { name: string; type?: CompetencyType; theme?: string },
    where: Where,
    column: string,
  ): boolean {
    const base = { ...at(where), column, value: shownValue(cell.name), severity: "error" as const };
    if (found && "ambiguous" in found) {
      const themes = found.ambiguous.map((e) => `"${e.theme ?? "(no theme)"}"`).join(", ");
      this.findings.push({
        ...base,
        code: "competency_ambiguous",
        message: `"${shownValue(cell.name)}" is in the dictionary under several themes (${themes}); fill in Theme to say which.`,
      });
      return false;
    }
    if (found && "otherType" in found) {
      this.findings.push({
        ...base,
        code: "competency_type_mismatch",
        message: `"${shownValue(cell.name)}" is a ${found.otherType} competency in the dictionary, not ${cell.type}. Correct the Competency type.`,
      });
      return false;
    }
    if (cell.type === "Domain") return true;
    const suggestions = this.suggester[cell.type ?? "any"].closest(cell.name);
    const under = cell.theme ? ` under the theme "${shownValue(cell.theme)}"` : "";
    const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?` : "";
    const domain = cell.type ? "" : " To create it as the ministry's own competency, set Competency type to Domain.";
    const kind = cell.type ? `${cell.type} competency` : "competency";
    this.findings.push({
      ...base,
      code: "competency_unknown",
      message: `There is no ${kind} "${shownValue(cell.name)}"${under} in the dictionary.${hint}${domain}`,
      suggestions,
    });
    return false;
  }

  private create(name: string, theme: string | undefined, where: Where, given: Partial<CompetencyRecord>) {
    const existing = this.lookup(name, "Domain", theme);
    if (existing && "entry" in existing) return this.use(existing.entry, where);
    const parent = theme ? this.themeEntry(theme, where) : undefined;
    // A document's own id is kept, so that re-importing it matches by id.
    const id = given.id && !this.byId.has(given.id) ? given.id : crypto.randomUUID();
    const scale: ProficiencyScale = given.scale ?? defaultScale(5);
    const { description, nameHi, code, source } = given;
    this.created.set(id, {
      id,
      name,
      type: "Domain",
      ...(parent && { theme: parent.name, parentId: parent.id }),
      ...(description && { description }),
      ...(nameHi && { nameHi }),
      ...(code && { code }),
      ...(source && { source }),
      scale,
      mdoCode: this.mdoCode,
      rows: [],
    });
    const entry: DictionaryCompetency = {
      id,
      name,
      type: "Domain",
      theme: parent?.name ?? null,
      parentId: parent?.id ?? null,
      scale,
      mdoCode: this.mdoCode,
    };
    this.index(entry);
    return this.use(entry, where);
  }

  // A Domain theme of this ministry (or shared) with that name, created when there is none.
  private themeEntry(theme: string, where: Where): DictionaryCompetency {
    const themes = (this.byName.get(this.normal(theme)) ?? []).filter((e) => e.type === "Domain" && !e.theme);
    return themes.find((e) => e.mdoCode === this.mdoCode) ?? themes[0] ?? this.create(theme, undefined, where, {});
  }

  private describe(entry: DictionaryCompetency, record: CompetencyRecord, where: Where): void {
    this.use(entry, where);
    if (this.created.has(entry.id)) return;
    const changes: PlannedUpdate["changes"] = [];
    if (record.description && record.description !== (entry.description ?? ""))
      changes.push({ field: "description", before: entry.description ?? null, after: record.description });
    if (record.nameHi && record.nameHi !== (entry.nameHi ?? ""))
      changes.push({ field: "nameHi", before: entry.nameHi ?? null, after: record.nameHi });
    const scaleChanged = record.scale !== undefined && !sameScale(record.scale, entry.scale);
    if (scaleChanged && record.scale)
      changes.push({ field: "scale", before: describeScale(entry.scale), after: describeScale(record.scale) });
    if (changes.length === 0) return;
    if (entry.type !== "Domain" || entry.mdoCode !== this.mdoCode) {
      if (this.warnedShared.has(entry.id)) return;
      this.warnedShared.add(entry.id);
      this.findings.push({
        ...at(where),
        column: "description",
        value: shownValue(entry.name),
        severity: "warning",
        code: "dictionary_not_changed",
        message: `"${shownValue(entry.name)}" belongs to the shared dictionary; the file's text for it was not imported (only the CBC edits it).`,
      });
      return;
    }
    const update = this.updates.get(entry.id) ?? { id: entry.id, name: entry.name, rows: [], changes: [] };
    update.changes = changes;
    if (scaleChanged) update.scale = record.scale;
    this.updates.set(entry.id, update);
  }

  private use(entry: DictionaryCompetency, where: Where): DictionaryCompetency {
    this.referenced.set(entry.id, entry.name);
    const rows = this.rows.get(entry.id) ?? new Set<number>();
    rows.add(where.row);
    this.rows.set(entry.id, rows);
    return entry;
  }

  private normal(name: string): string {
    let normal = this.normalised.get(name);
    if (normal === undefined) {
      normal = normalizeName(name);
      this.normalised.set(name, normal);
    }
    return normal;
  }

  private index(entry: DictionaryCompetency): void {
    this.byId.set(entry.id, entry);
    const k = this.normal(entry.name);
    const list = this.byName.get(k) ?? [];
    list.push(entry);
    this.byName.set(k, list);
  }
}
