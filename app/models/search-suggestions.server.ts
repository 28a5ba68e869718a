/** What the header's search box offers while the user types: a few best matches with where each leads. */
import { searchEverything, type SearchHit, type SearchViewer } from "./search.server";

export const SUGGESTION_LIMIT = 8;

export type Suggestion = Pick<SearchHit, "id" | "scope" | "kind" | "type" | "code" | "name" | "nameHi" | "mdoCode" | "version"> & { href: string };

/** The page a hit opens: the dictionary entry, the draft's outline or the published version. */
export function hitHref(hit: Pick<SearchHit, "id" | "scope" | "kind" | "mdoCode" | "version">): string {
  if (hit.scope === "dictionary") return `/dictionary/${hit.id}`;
  const code = encodeURIComponent(hit.mdoCode ?? "");
  const anchor = hit.kind === "position" ? `#pos-${hit.id}` : "";
  return hit.scope === "published" ? `/frameworks/${code}/versions/${hit.version}${anchor}` : `/frameworks/${code}${anchor}`;
}

/** Up to SUGGESTION_LIMIT matches for a partly typed query, as `viewer` may see them. */
export function suggestionsFor({ query, viewer }: { query: string; viewer: SearchViewer }): { suggestions: Suggestion[]; fuzzy: boolean } {
  const { hits, fuzzy } = searchEverything({ query, viewer, limit: SUGGESTION_LIMIT });
  const suggestions = hits.map((h) => ({
    id: h.id,
    scope: h.scope,
    kind: h.kind,
    type: h.type,
    code: h.code,
    name: h.name,
    nameHi: h.nameHi,
    mdoCode: h.mdoCode,
    version: h.version,
    href: hitHref(h),
  }));
  return { suggestions, fuzzy };
}
