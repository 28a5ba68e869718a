/**
 * How a competency named in a file or typed in the editor is found in the dictionary: the one
 * set of rules that the flat CSV, the .xlsx, FRAC Studio's own export, a FracDocument and the
 * editor's competency picker all follow.
 *
 * - An id (UUID) or a KCM code (`BEH-001`, `FUN-012`) picks the entry outright; a code may sit
 *   in the Competency column or in an id column.
 * - Otherwise the name is matched (normalised) within the type, when one is given.
 * - Theme column: a KCM theme named with the same Theme (or none) means that theme; a sub-theme
 *   named with its theme (or none, where the name is unique) means that sub-theme. Where a theme
 *   and one of its sub-themes share a name ("Financial Management › Financial Management"),
 *   Competency = Theme = that name means the theme; the sub-theme is chosen by its code.
 * - A name that identifies one entry, written with a Theme that is not its theme, is matched
 *   with a warning naming the dictionary's theme. A name found under several themes with a
 *   wrong or missing Theme is ambiguous: the caller lists the themes.
 * - A name found only under other types is a type mismatch that names those types.
 */
import type { CompetencyType } from "./enums";
import { normalizeName } from "./text";

/** The fields of a dictionary entry that matching reads. */
export type MatchableCompetency = {
  id: string;
  name: string;
  type: CompetencyType;
  /** Name of the parent theme, for a sub-theme; empty for a theme. */
  theme?: string | null;
  /** A KCM code such as BEH-001. */
  code?: string | null;
};

/** What a row or the picker says about a competency. */
export type CompetencyQuery = { id?: string; name: string; type?: CompetencyType; theme?: string };

export type CompetencyMatch<E extends MatchableCompetency> =
  | {
      status: "found";
      entry: E;
      by: "id" | "code" | "name";
      /** Set when the query's Theme is not the entry's theme: the entry's theme (null for a theme itself). */
      themeNotGiven?: { given: string; actual: string | null };
    }
  | { status: "ambiguous"; candidates: E[] }
  /** The name is in the dictionary, but only under other types; `entry` when the name (and theme) picks one. */
  | { status: "other_type"; types: CompetencyType[]; entry?: E }
  | { status: "none" };

const CODE = /^[a-z]{2,6}-\d{1,6}$/iu;

/** True when the text has the shape of a dictionary code such as BEH-001 (the KCM's ids). */
export function looksLikeCompetencyCode(text: string): boolean {
  return CODE.test(text.trim());
}

/** The dictionary indexed once by id, code and normalised name; `match` answers as often as needed. */
export class CompetencyIndex<E extends MatchableCompetency> {
  private readonly byId = new Map<string, E>();
  private readonly byCode = new Map<string, E>();
  private readonly byName = new Map<string, E[]>();
  // why a cache: the same names and themes repeat on thousands of rows.
  private readonly normalised = new Map<string, string>();

  constructor(entries: Iterable<E> = []) {
    for (const entry of entries) this.add(entry);
  }

  /** Adds an entry (e.g. a Domain competency an import is about to create). */
  add(entry: E): void {
    this.byId.set(entry.id, entry);
    if (entry.code) this.byCode.set(entry.code.toUpperCase(), entry);
    const key = this.normal(entry.name);
    const list = this.byName.get(key);
    if (list) list.push(entry);
    else this.byName.set(key, [entry]);
  }

  /** The entry with this id or KCM code, if any. */
  get(idOrCode: string): E | undefined {
    return this.byId.get(idOrCode) ?? this.byCode.get(idOrCode.trim().toUpperCase());
  }

  /** Every entry with this name (normalised), of any type and theme. */
  named(name: string): readonly E[] {
    return this.byName.get(this.normal(name)) ?? [];
  }

  /** Finds what a query means by the rules above. */
  match(query: CompetencyQuery): CompetencyMatch<E> {
    const direct = (query.id ? this.get(query.id) : undefined) ?? (looksLikeCompetencyCode(query.name) ? this.byCode.get(query.name.trim().toUpperCase()) : undefined);
    if (direct) {
      if (query.type && query.type !== direct.type) return { status: "other_type", types: [direct.type], entry: direct };
      return this.found(direct, query.id && this.byId.has(query.id) ? "id" : "code", query.theme);
    }
    const all = this.named(query.name);
    const typed = query.type ? all.filter((e) => e.type === query.type) : all;
    if (typed.length === 0) {
      if (all.length === 0 || !query.type) return { status: "none" };
      const types = [...new Set(all.map((e) => e.type))];
      const picked = this.pick(all, query.name, query.theme);
      return { status: "other_type", types, ...(picked.status === "found" && { entry: picked.entry }) };
    }
    return this.pick(typed, query.name, query.theme);
  }

  // Among entries of one name: the one the Theme names, else the only one (with a warning), else ambiguous.
  private pick(entries: readonly E[], name: string, theme: string | undefined): CompetencyMatch<E> {
    const given = theme && theme.trim() !== "" ? this.normal(theme) : null;
    if (given !== null) {
      // Competency = Theme = a theme's name: that theme, even where a sub-theme has the same name.
      const self = this.normal(name) === given ? entries.filter((e) => !e.theme) : [];
      const under = entries.filter((e) => e.theme && this.normal(e.theme) === given);
      const candidates = self.length > 0 ? self : under;
      if (candidates.length === 1) return { status: "found", entry: candidates[0], by: "name" };
      if (candidates.length > 1) return { status: "ambiguous", candidates };
    }
    const unthemed = entries.length === 1 ? entries : entries.filter((e) => !e.theme);
    if (unthemed.length !== 1) return { status: "ambiguous", candidates: [...entries] };
    return this.found(unthemed[0], "name", theme);
  }

  private found(entry: E, by: "id" | "code" | "name", theme: string | undefined): CompetencyMatch<E> {
    if (!theme || theme.trim() === "") return { status: "found", entry, by };
    const given = this.normal(theme);
    const fits = entry.theme ? this.normal(entry.theme) === given : this.normal(entry.name) === given;
    return fits ? { status: "found", entry, by } : { status: "found", entry, by, themeNotGiven: { given: theme, actual: entry.theme ?? null } };
  }

  private normal(text: string): string {
    let normal = this.normalised.get(text);
    if (normal === undefined) {
      normal = normalizeName(text);
      this.normalised.set(text, normal);
    }
    return normal;
  }
}
