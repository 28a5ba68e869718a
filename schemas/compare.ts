/**
 * Two frameworks side by side (the CBC's comparison of two ministries): the competencies both
 * need with the levels each needs, those only one needs, and pairs of roles with similar names
 * with what each requires. Pure: it reads two FracDocuments.
 */
import type { CompetencyType } from "./enums";
import type { FracDocument } from "./frac-document";
import { positionNeeds } from "./demand";
import { searchWords } from "./search-text";

export type ComparedCompetency = { id: string; code: string | null; name: string; type: CompetencyType };
/** What one framework needs of a competency: the highest level any position needs, and how many positions need it. */
export type Need = { level: number; positions: number };
export type SharedCompetency = { competency: ComparedCompetency; a: Need; b: Need };
export type OnlyOne = { competency: ComparedCompetency; need: Need };
export type RolePair = {
  a: { id: string; name: string };
  b: { id: string; name: string };
  /** How alike the two names are, 0 to 1 (Dice coefficient of their words). */
  score: number;
  /** The competencies either role requires (itself or through its activities), with the highest level on each side. */
  requirements: { competency: ComparedCompetency; a: number | null; b: number | null }[];
};
export type FrameworkComparison = { shared: SharedCompetency[]; onlyA: OnlyOne[]; onlyB: OnlyOne[]; roles: RolePair[] };

/** Two role names count as alike from this score up (e.g. "Parliament and references" / "Parliament and file work" is 0.4). */
export const ROLE_SIMILARITY_MIN = 0.4;
const MIN_STEM = 5;
const STOP = new Set(["and", "or", "of", "the", "a", "an", "to", "for", "in", "on", "with", "by", "के", "की", "का", "और", "में", "से"]);

/** The words of a name that carry meaning: search's words, without the joining ones. */
export function nameWords(name: string): string[] {
  return [...new Set(searchWords(name).filter((w) => !STOP.has(w)))];
}

// Words match when equal, or when one is the start of the other and both are long enough to be one stem ("monitor", "monitoring").
const sameWord = (x: string, y: string) => x === y || (Math.min(x.length, y.length) >= MIN_STEM && (x.startsWith(y) || y.startsWith(x)));

/** How alike two names are, 0 to 1: twice the shared words over all words (each word matched once). */
export function nameSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const left = [...b];
  let shared = 0;
  for (const w of a) {
    const i = left.findIndex((x) => sameWord(w, x));
    if (i >= 0) {
      shared++;
      left.splice(i, 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

function competenciesOf(doc: FracDocument): Map<string, ComparedCompetency> {
  const out = new Map<string, ComparedCompetency>();
  for (const n of doc.nodes) if (n.kind === "competency") out.set(n.id, { id: n.id, code: n.code ?? null, name: n.name, type: n.competencyType });
  return out;
}

/** Per competency: the highest level any position of the document needs, and how many positions need it. */
function needsOf(doc: FracDocument): Map<string, Need> {
  const out = new Map<string, Need>();
  for (const needs of positionNeeds(doc).values()) {
    for (const [id, level] of needs) {
      const known = out.get(id);
      if (known) {
        known.level = Math.max(known.level, level);
        known.positions++;
      } else out.set(id, { level, positions: 1 });
    }
  }
  return out;
}

/** Per role: competency id → the highest level the role requires, itself or through its activities. */
function roleRequirements(doc: FracDocument): Map<string, Map<string, number>> {
  const kindOf = new Map(doc.nodes.map((n) => [n.id, n.kind] as const));
  const own = new Map<string, Map<string, number>>();
  const activitiesOf = new Map<string, string[]>();
  for (const l of doc.links) {
    if (l.kind === "role_activity") activitiesOf.set(l.from, [...(activitiesOf.get(l.from) ?? []), l.to]);
    else if (l.level !== undefined && kindOf.get(l.to) === "competency") {
      const m = own.get(l.from) ?? new Map<string, number>();
      m.set(l.to, Math.max(m.get(l.to) ?? 0, l.level));
      own.set(l.from, m);
    }
  }
  const out = new Map<string, Map<string, number>>();
  for (const n of doc.nodes) {
    if (n.kind !== "role") continue;
    const m = new Map<string, number>();
    for (const from of [n.id, ...(activitiesOf.get(n.id) ?? [])]) for (const [c, level] of own.get(from) ?? []) m.set(c, Math.max(m.get(c) ?? 0, level));
    out.set(n.id, m);
  }
  return out;
}

const byName = (x: { competency: ComparedCompetency }, y: { competency: ComparedCompetency }) =>
  x.competency.name.localeCompare(y.competency.name, "en") || (x.competency.id < y.competency.id ? -1 : 1);

/** Role pairs, most alike first, each role in at most one pair; candidates share at least one word (an index, not every pair). */
function similarRoles(a: FracDocument, b: FracDocument): { a: { id: string; name: string }; b: { id: string; name: string }; score: number }[] {
  const rolesA = a.nodes.filter((n) => n.kind === "role").map((n) => ({ id: n.id, name: n.name, words: nameWords(n.name) }));
  const rolesB = b.nodes.filter((n) => n.kind === "role").map((n) => ({ id: n.id, name: n.name, words: nameWords(n.name) }));
  const byStem = new Map<string, number[]>();
  rolesB.forEach((r, i) => {
    for (const w of r.words) {
      const key = w.slice(0, MIN_STEM);
      byStem.set(key, [...(byStem.get(key) ?? []), i]);
    }
  });
  const candidates: { i: number; j: number; score: number }[] = [];
  rolesA.forEach((r, i) => {
    const seen = new Set<number>();
    for (const w of r.words) {
      for (const j of byStem.get(w.slice(0, MIN_STEM)) ?? []) {
        if (seen.has(j)) continue;
        seen.add(j);
        const score = nameSimilarity(r.words, rolesB[j]!.words);
        if (score >= ROLE_SIMILARITY_MIN) candidates.push({ i, j, score });
      }
    }
  });
  candidates.sort((x, y) => y.score - x.score || rolesA[x.i]!.name.localeCompare(rolesA[y.i]!.name, "en") || x.j - y.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out = [];
  for (const c of candidates) {
    if (usedA.has(c.i) || usedB.has(c.j)) continue;
    usedA.add(c.i);
    usedB.add(c.j);
    out.push({ a: { id: rolesA[c.i]!.id, name: rolesA[c.i]!.name }, b: { id: rolesB[c.j]!.id, name: rolesB[c.j]!.name }, score: Math.round(c.score * 100) / 100 });
  }
  return out;
}

/** Compares framework `a` with framework `b`. */
export function compareFrameworks(a: FracDocument, b: FracDocument): FrameworkComparison {
  const compA = competenciesOf(a);
  const compB = competenciesOf(b);
  const needA = needsOf(a);
  const needB = needsOf(b);
  const shared: SharedCompetency[] = [];
  const onlyA: OnlyOne[] = [];
  for (const [id, need] of needA) {
    const other = needB.get(id);
    const competency = compA.get(id);
    if (!competency) continue;
    if (other) shared.push({ competency, a: need, b: other });
    else onlyA.push({ competency, need });
  }
  const onlyB: OnlyOne[] = [];
  for (const [id, need] of needB) if (!needA.has(id) && compB.has(id)) onlyB.push({ competency: compB.get(id)!, need });

  const reqA = roleRequirements(a);
  const reqB = roleRequirements(b);
  const roles = similarRoles(a, b).map((pair): RolePair => {
    const ra = reqA.get(pair.a.id) ?? new Map<string, number>();
    const rb = reqB.get(pair.b.id) ?? new Map<string, number>();
    const ids = [...new Set([...ra.keys(), ...rb.keys()])];
    const requirements = ids
      .map((id) => ({ competency: compA.get(id) ?? compB.get(id)!, a: ra.get(id) ?? null, b: rb.get(id) ?? null }))
      .filter((r) => r.competency)
      // Needed by both first, then by name.
      .sort((x, y) => Number(y.a !== null && y.b !== null) - Number(x.a !== null && x.b !== null) || byName(x, y));
    return { ...pair, requirements };
  });
  return { shared: shared.sort(byName), onlyA: onlyA.sort(byName), onlyB: onlyB.sort(byName), roles };
}
