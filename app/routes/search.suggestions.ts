/** `/search/suggestions?q=…`: the header box's suggestions as JSON (loader only). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { suggestionsFor } from "~/models/search/suggestions.server";
import { searchViewer } from "~/http/search-viewer.server";
import { requireUser } from "~/http/auth.server";
import { readSearchQuery } from "~/http/search-query";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = readSearchQuery(new URL(request.url).searchParams);
  const result = query ? suggestionsFor({ query, viewer: searchViewer(user) }) : { suggestions: [], fuzzy: false };
  return json({ query, ...result }, { headers: { "Cache-Control": "private, no-store" } });
}
