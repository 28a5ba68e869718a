/** The `q` parameter of the search URLs: trimmed, at most QUERY_MAX characters, "" when absent. */
export const QUERY_MAX = 200;

/** Reads `q` from a URL's search parameters; an over-long query is cut, never an error. */
export function readSearchQuery(params: URLSearchParams): string {
  return (params.get("q") ?? "").trim().slice(0, QUERY_MAX);
}
