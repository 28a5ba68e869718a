/** What the header's search box offers while the user types: a few best matches with where each leads. */
import { hitHref, type Suggestion } from "@schemas/search-hit";
import { searchEverything, type SearchViewer } from "./search.server";

export { hitHref, type Suggestion };

export const SUGGESTION_LIMIT = 8;

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
