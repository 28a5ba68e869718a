/** What a search finds, as the server sends it and the browser shows it; and the page each hit opens. */
import type { CompetencyType, FrameworkNodeKind } from "./enums";

export type SearchScope = "dictionary" | "draft" | "published";

export type SearchHit = {
  /** The competency's or node's id. */
  id: string;
  scope: SearchScope;
  kind: "competency" | FrameworkNodeKind;
  /** Competency type; null for framework nodes. */
  type: CompetencyType | null;
  code: string | null;
  name: string;
  nameHi: string | null;
  description: string;
  /** The parent theme of a sub-theme. */
  theme: string | null;
  source: string | null;
  status: "active" | "retired";
  mdoCode: string | null;
  mdoName: string | null;
  /** The published version the node is from; null for drafts and dictionary entries. */
  version: number | null;
  /** BM25 (smaller is better). */
  score: number;
  /** "similar" when the words as written found nothing and close spellings were searched instead. */
  matched: "words" | "similar";
};

/** A suggestion of the header's search box. */
export type Suggestion = Pick<SearchHit, "id" | "scope" | "kind" | "type" | "code" | "name" | "nameHi" | "mdoCode" | "version"> & { href: string };

/** The page a hit opens: the dictionary entry, the draft's outline or the published version. */
export function hitHref(hit: Pick<SearchHit, "id" | "scope" | "kind" | "mdoCode" | "version">): string {
  if (hit.scope === "dictionary") return `/dictionary/${hit.id}`;
  const code = encodeURIComponent(hit.mdoCode ?? "");
  const anchor = hit.kind === "position" ? `#pos-${hit.id}` : "";
  return hit.scope === "published" ? `/frameworks/${code}/versions/${hit.version}${anchor}` : `/frameworks/${code}${anchor}`;
}
