/**
 * Search over the dictionary and the frameworks' nodes: FTS5 with BM25 ranking, the last word
 * matched as a prefix (as you type), and misspelt words read as the nearest indexed words when
 * the words as written find nothing. Who sees what: the shared dictionary and every ministry's
 * latest published framework for everyone signed in; drafts and unpublished Domain entries only
 * for their own ministry's members and the CBC.
 */
import type { CompetencyType, FrameworkNodeKind } from "@schemas/enums";
import type { SearchHit } from "@schemas/search-hit";
import { getClient } from "@db/client";
import { matchExpression, searchWords, type QueryWord } from "@schemas/search-text";
import { knows, similarWords, vocabulary } from "./vocabulary.server";

/** Who is asking: the ministries whose drafts they may read, or every ministry (CBC roles, the CLI). */
export type SearchViewer = { mdoIds: readonly string[]; allMdos: boolean };

export type { SearchHit, SearchScope } from "@schemas/search-hit";

export type SearchOptions = { query: string; viewer: SearchViewer; limit?: number };

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 200;
const MAX_WORDS = 8;
// Names first (search_names: name, name_hi, code), then descriptions (search_fts) to fill the list:
// a word in the name or the code counts far more than one in the description.
const TIERS = [
  { table: "search_names", bm25: "bm25(search_names, 10.0, 10.0, 20.0)" },
  { table: "search_fts", bm25: "bm25(search_fts, 10.0, 10.0, 20.0, 1.0, 1.0)" },
] as const;

type Filter = { sql: string; params: unknown[] };

function visibility(viewer: SearchViewer): Filter {
  if (viewer.allMdos) return { sql: "1", params: [] };
  const mine = viewer.mdoIds.map(() => "?").join(",") || "null";
  return {
    sql: `(d.scope = 'published' or d.public = 1 or d.mdo_id in (${mine}))`,
    params: [...viewer.mdoIds],
  };
}

/** The words as a phrase: a name equal to it, or starting with it, comes before BM25's order. */
const phrase = (words: QueryWord[]) => words.map((w) => w.alternatives[0]).join(" ");

type Row = Omit<SearchHit, "matched"> & { rowid: number };

// why a candidate list first: a common prefix ("co*", "examine") matches thousands of rows, and
// joining each to search_docs and mdos before ordering cost 100+ ms; FTS5 ranks its own matches
// cheaply, so the best CANDIDATES by BM25 are joined, filtered and ordered (docs/benchmarks.md).
const CANDIDATES = 300;

function runTier(tier: (typeof TIERS)[number], words: QueryWord[], filters: Filter[], limit: number, seen: Set<number>): Row[] {
  const where = filters.map((f) => f.sql).join(" and ");
  const exact = phrase(words);
  const skip = seen.size ? `and d.id not in (${[...seen].join(",")})` : "";
  const like = exact.replace(/[\\%_]/g, (c) => `\\${c}`);
  const query = (candidates: number | null) => {
    const source = candidates === null
      ? `(select rowid, ${tier.bm25} as score from ${tier.table} where ${tier.table} match ?)`
      : `(select rowid, ${tier.bm25} as score from ${tier.table} where ${tier.table} match ? order by score limit ${candidates})`;
    const sql = `select d.id as rowid, d.ref_id as id, d.scope, d.kind, d.type, d.code, d.name, d.name_hi as nameHi, d.description, d.theme,
        d.source, d.status, m.code as mdoCode, m.name as mdoName, d.version, t.score as score
      from ${source} t join search_docs d on d.id = t.rowid left join mdos m on m.id = d.mdo_id
      where ${where} ${skip}
      order by (lower(d.name) = ? or d.name_hi = ?) desc, (lower(d.name) like ? escape '\\') desc, score limit ?`;
    const params = [matchExpression(words), ...filters.flatMap((f) => f.params), exact, exact, `${like}%`, limit];
    return getClient().sqlite.prepare(sql).all(...params) as Row[];
  };
  const rows = query(CANDIDATES);
  // Filters (visibility, kind, scope) may have left too few of the candidates: then rank every match.
  if (rows.length >= limit) return rows;
  const matches = getClient().sqlite.prepare(`select count(*) from (select 1 from ${tier.table} where ${tier.table} match ? limit ${CANDIDATES + 1})`).pluck().get(matchExpression(words)) as number;
  return matches > CANDIDATES ? query(null) : rows;
}

/** Matches in the names first, then, while the list is short, in the descriptions. */
function run(words: QueryWord[], filters: Filter[], limit: number): Omit<SearchHit, "matched">[] {
  const hits: Omit<SearchHit, "matched">[] = [];
  const seen = new Set<number>();
  for (const tier of TIERS) {
    if (hits.length >= limit) break;
    for (const { rowid, ...hit } of runTier(tier, words, filters, limit - hits.length, seen)) {
      seen.add(rowid);
      hits.push(hit);
    }
  }
  return hits;
}

/** The query's words as the index holds them, the last one as a prefix; at most MAX_WORDS. */
function exactWords(query: string): QueryWord[] {
  const words = searchWords(query).slice(0, MAX_WORDS);
  return words.map((w, i) => ({ alternatives: [w], prefix: i === words.length - 1 && [...w].length >= 2 }));
}

/** The same words, each unknown one replaced by the indexed words nearest to it; null when nothing changed. */
function correctedWords(words: QueryWord[]): QueryWord[] | null {
  const v = vocabulary(getClient().sqlite);
  let changed = false;
  const out = words.map((w) => {
    const word = w.alternatives[0]!;
    if (knows(v, word, w.prefix)) return w;
    changed = true;
    return { alternatives: similarWords(v, word, w.prefix), prefix: w.prefix };
  });
  // A word with no near neighbour cannot match; the whole query then finds nothing.
  if (!changed || out.some((w) => w.alternatives.length === 0)) return null;
  return out;
}

/** Searches with these filters: the words as written first, then close spellings if those find nothing. */
function searchWith(query: string, filters: Filter[], limit: number): { hits: SearchHit[]; fuzzy: boolean } {
  const capped = Math.max(1, Math.min(limit, MAX_LIMIT));
  const words = exactWords(query);
  if (words.length === 0) return { hits: [], fuzzy: false };
  const hits = run(words, filters, capped);
  if (hits.length > 0) return { hits: hits.map((h) => ({ ...h, matched: "words" as const })), fuzzy: false };
  const corrected = correctedWords(words);
  if (!corrected) return { hits: [], fuzzy: false };
  return { hits: run(corrected, filters, capped).map((h) => ({ ...h, matched: "similar" as const })), fuzzy: true };
}

function inList(column: string, values: readonly string[] | undefined): Filter[] {
  if (!values || values.length === 0) return [];
  return [{ sql: `${column} in (${values.map(() => "?").join(",")})`, params: [...values] }];
}

/**
 * Dictionary entries matching `query`, best first: active entries only unless `includeRetired`,
 * of the given competency `types` (all when omitted), as `viewer` may see them.
 */
export function searchEntries({
  query,
  viewer,
  types,
  limit = DEFAULT_LIMIT,
  includeRetired = false,
}: SearchOptions & { types?: readonly CompetencyType[]; includeRetired?: boolean }): SearchHit[] {
  const filters: Filter[] = [
    { sql: "d.scope = 'dictionary'", params: [] },
    ...(includeRetired ? [] : [{ sql: "d.status = 'active'", params: [] }]),
    ...inList("d.type", types),
    visibility(viewer),
  ];
  return searchWith(query, filters, limit).hits;
}

/**
 * Framework nodes (positions, roles, activities, knowledge resources) matching `query`, best first:
 * drafts the viewer may read and every ministry's latest published version, narrowed to `kinds`
 * and `scopes` when given.
 */
export function searchNodes({
  query,
  viewer,
  kinds,
  scopes,
  limit = DEFAULT_LIMIT,
}: SearchOptions & { kinds?: readonly FrameworkNodeKind[]; scopes?: readonly ("draft" | "published")[] }): SearchHit[] {
  const filters: Filter[] = [
    { sql: "d.scope in ('draft', 'published')", params: [] },
    ...inList("d.scope", scopes),
    ...inList("d.kind", kinds),
    visibility(viewer),
  ];
  return searchWith(query, filters, limit).hits;
}

/** Everything matching `query` in one ranked list (the header's suggestions and the results page), and whether close spellings were used. */
export function searchEverything({ query, viewer, limit = DEFAULT_LIMIT }: SearchOptions): { hits: SearchHit[]; fuzzy: boolean } {
  const filters: Filter[] = [{ sql: "(d.scope <> 'dictionary' or d.status = 'active')", params: [] }, visibility(viewer)];
  return searchWith(query, filters, limit);
}
