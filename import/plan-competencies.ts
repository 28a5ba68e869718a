/**
 * Competencies named by the file → dictionary entries, by the matching rules of
 * schemas/competency-match.ts (id or KCM code, else name within type and theme). An unknown
 * Domain competency is created for the ministry; an unknown Behavioural or Functional one is
 * an error with the closest dictionary names, since only the CBC curates the KCM.
 */
import { CompetencyIndex, looksLikeCompetencyCode, type CompetencyMatch } from "@schemas/competency-match";
import type { CompetencyType } from "@schemas/enums";
import { isUuid } from "@schemas/flat-layout";
import { defaultScale, describeScale, findLevel, type ProficiencyScale } from "@schemas/scale";
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

function sameScale(a: ProficiencyScale, b: ProficiencyScale): boolean {
  return (
    a.levels.length === b.levels.length &&
    a.levels.every(
      (l, i) => l.level === b.levels[i].level && l.name === b.levels[i].name && l.descriptor === b.levels[i].descriptor,
    )
  );
}

/** Options of the matching; `typesFromDictionary` is the import page's "take the dictionary's type" fix. */
export type CompetencyResolverOptions = { typesFromDictionary?: boolean };

type Cell = { id?: string; name: string; type?: CompetencyType; theme?: string };

/** Resolves competency cells and definitions against the dictionary, creating Domain entries as needed. */
export class CompetencyResolver {
  private readonly index: CompetencyIndex<DictionaryCompetency>;
  private readonly created = new Map<string, PlannedCompetency>();
  private readonly updates = new Map<string, PlannedUpdate>();
  private readonly referenced = new Map<string, string>();
  // Ids a document gives its competencies → the dictionary entry they matched by name.
  private readonly aliases = new Map<string, string>();
  private readonly warnedShared = new Set<string>();
  // Theme and type warnings, said once per name as written (a sheet repeats it on every row).
  private readonly warned = new Set<string>();
  // Rows naming each created or updated entry; a Set, since one competency may sit on 50,000 rows.
  private readonly rows = new Map<string, Set<number>>();
  private readonly suggester: Record<CompetencyType | "any", NameSuggester>;
  // Cells already resolved, by name as written: most rows repeat a competency seen before.
  // why a list per name rather than one concatenated key: no string is built per row.
  private readonly resolved = new Map<string, { id?: string; type?: CompetencyType; theme?: string; entry: DictionaryCompetency }[]>();

  constructor(
    dictionary: readonly DictionaryCompetency[],
    private readonly mdoCode: string,
    private readonly findings: ImportFinding[],
    private readonly options: CompetencyResolverOptions = {},
  ) {
    this.index = new CompetencyIndex(dictionary);
    const of = (type?: CompetencyType) =>
      new NameSuggester(dictionary.filter((e) => !type || e.type === type).map((e) => e.name));
    this.suggester = { any: of(), Behavioural: of("Behavioural"), Functional: of("Functional"), Domain: of("Domain") };
  }

  /** A competency definition (iGOT row, document node): matched, updated when it is the ministry's own, or created. */
  define(record: CompetencyRecord, where: Where): void {
    const found = this.find(record, where, "name");
    if (found === "new") this.create(record.name, record.theme, where, record);
    else if (found) {
      if (record.id && record.id !== found.id) this.aliases.set(record.id, found.id);
      this.describe(found, record, where);
    }
  }

  /** The dictionary entry a row's competency means, or null (with a finding) when there is none. */
  resolve(cell: CompetencyCell, where: Where): DictionaryCompetency | null {
    const id = cell.id ? this.aliases.get(cell.id) ?? cell.id : undefined;
    const seen = this.resolved.get(cell.name)?.find((r) => r.id === id && r.type === cell.type && r.theme === cell.theme);
    if (seen) return this.use(seen.entry, where);
    const query = { ...cell, ...(id && { id }) };
    const found = this.find(query, where, "Competency");
    const entry = found === "new" ? this.create(cell.name, cell.theme, where, { id: cell.id }) : found;
    if (!entry) return null;
    const list = this.resolved.get(cell.name) ?? [];
    list.push({ id, type: cell.type, theme: cell.theme, entry });
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

  // The entry the cell means, with a warning where the Theme or type was not the dictionary's;
  // "new" for an unknown Domain competency (the caller creates it); null with an error otherwise.
  private find(cell: Cell, where: Where, column: string): DictionaryCompetency | "new" | null {
    if (cell.id && looksLikeCompetencyCode(cell.id) && !this.index.get(cell.id)) {
      // A code names one entry or nothing: falling back to the name would hide the typo.
      this.findings.push({
        ...at(where),
        column: "Competency id",
        value: shownValue(cell.id),
        severity: "error",
        code: "competency_unknown",
        message: `No dictionary entry has the code "${shownValue(cell.id)}". Correct it (the dictionary page shows each sub-theme's code), or leave Competency id empty to match "${shownValue(cell.name)}" by name.`,
      });
      return null;
    }
    const match = this.index.match(cell);
    if (match.status === "found") {
      if (match.themeNotGiven) this.warnTheme(match.entry, match.themeNotGiven.given, cell, where, column);
      return match.entry;
    }
    if (match.status === "other_type" && match.entry && this.options.typesFromDictionary) {
      this.warnOnce(`type\u0000${match.entry.id}\u0000${cell.type}`, where, column, cell, "competency_type_taken",
        `"${shownValue(cell.name)}" was taken as ${match.entry.type}, its type in the dictionary (the file says ${cell.type}); every row naming it so is read the same way.`);
      return match.entry;
    }
    if (match.status === "none" && cell.type === "Domain") return "new";
    this.reportMissing(match, cell, where, column);
    return null;
  }

  private warnTheme(entry: DictionaryCompetency, given: string, cell: Cell, where: Where, column: string): void {
    const place = entry.theme
      ? `under the theme "${shownValue(entry.theme)}"`
      : "a theme of its own";
    const write = entry.theme ? `write "${shownValue(entry.theme)}" in Theme` : `leave Theme empty or write "${shownValue(entry.name)}"`;
    this.warnOnce(`theme\u0000${entry.id}\u0000${given}`, where, column, cell, "competency_theme_mismatch",
      `"${shownValue(entry.name)}" is ${place} in the dictionary, not under "${shownValue(given)}"; it was matched there, on this and every row naming it so. To be exact, ${write}.`);
  }

  private warnOnce(key: string, where: Where, column: string, cell: Cell, code: ImportFinding["code"], message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.findings.push({ ...at(where), column, value: shownValue(cell.name), severity: "warning", code, message });
  }

  // Says why nothing matched; a Domain cell that matched nothing is created instead, silently.
  private reportMissing(found: CompetencyMatch<DictionaryCompetency>, cell: Cell, where: Where, column: string): void {
    const base = { ...at(where), column, value: shownValue(cell.name), severity: "error" as const };
    const name = shownValue(cell.name);
    if (found.status === "ambiguous") {
      const themes = [...new Set(found.candidates.map((e) => (e.theme ? `"${shownValue(e.theme)}"` : `"${shownValue(e.name)}" (as a theme)`)))];
      const given = cell.theme ? `is not under the theme "${shownValue(cell.theme)}" in the dictionary; it is` : "is in the dictionary";
      const codes = found.candidates.filter((e) => e.code).map((e) => `${e.code} under "${shownValue(e.theme ?? e.name)}"`);
      const byCode = codes.length > 0 ? ` or give its code (${codes.join(", ")}) in place of the name` : "";
      this.findings.push({
        ...base,
        code: "competency_ambiguous",
        message: `"${name}" ${given} under ${themes.length} themes: ${themes.join(", ")}. Write one of them in Theme${byCode}.`,
      });
      return;
    }
    if (found.status === "other_type") {
      const types = found.types.join(" or ");
      const message = found.entry
        ? `"${name}" is a ${found.entry.type} competency in the dictionary, not ${cell.type}: write ${found.entry.type} in Competency type.`
        : `"${name}" is a ${types} competency in the dictionary, not ${cell.type}: write ${types} in Competency type (and its theme in Theme).`;
      this.findings.push({
        ...base,
        code: "competency_type_mismatch",
        message,
        ...(found.entry && { dictionaryType: found.entry.type }),
      });
      return;
    }
    if (found.status === "found") return;
    const suggestions = this.suggester[cell.type ?? "any"].closest(cell.name);
    const under = cell.theme ? ` under the theme "${shownValue(cell.theme)}"` : "";
    const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?` : "";
    const domain = cell.type ? "" : " To create it as the ministry's own competency, set Competency type to Domain.";
    const kind = cell.type ? `${cell.type} competency` : "competency";
    this.findings.push({
      ...base,
      code: "competency_unknown",
      message: `There is no ${kind} "${name}"${under} in the dictionary.${hint}${domain}`,
      suggestions,
    });
  }

  private create(name: string, theme: string | undefined, where: Where, given: Partial<CompetencyRecord>) {
    const parent = theme ? this.themeEntry(theme, where) : undefined;
    // A document's own id is kept, so that re-importing it matches by id.
    const id = given.id && isUuid(given.id) && !this.index.get(given.id) ? given.id : crypto.randomUUID();
    const scale: ProficiencyScale = given.scale ?? defaultScale(5);
    const { description, nameHi, descriptionHi, code, source } = given;
    this.created.set(id, {
      id,
      name,
      type: "Domain",
      ...(parent && { theme: parent.name, parentId: parent.id }),
      ...(description && { description }),
      ...(nameHi && { nameHi }),
      ...(descriptionHi && { descriptionHi }),
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
    this.index.add(entry);
    return this.use(entry, where);
  }

  // A Domain theme of this ministry (or shared) with that name, created when there is none.
  private themeEntry(theme: string, where: Where): DictionaryCompetency {
    const themes = this.index.named(theme).filter((e) => e.type === "Domain" && !e.theme);
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
    if (record.descriptionHi && record.descriptionHi !== (entry.descriptionHi ?? ""))
      changes.push({ field: "descriptionHi", before: entry.descriptionHi ?? null, after: record.descriptionHi });
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
}
