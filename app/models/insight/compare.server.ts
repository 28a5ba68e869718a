/** Two ministries' frameworks side by side, for the CBC (schemas/compare.ts holds the comparison itself). */
import { compareFrameworks, type FrameworkComparison } from "@schemas/compare";
import type { FracDocument } from "@schemas/frac-document";
import { loadDraftDocument } from "../draft/document.server";
import { getLatestVersion } from "../publication/versions.server";

export type CompareSource = { kind: "version"; number: number; publishedAt: string } | { kind: "draft"; revision: number };

/**
 * The framework a comparison reads for a ministry: its latest published version, or its draft when
 * `drafts` is asked for or nothing is published yet; null when it has no framework at all.
 */
export function comparedFramework({ mdoId, drafts }: { mdoId: string; drafts: boolean }): { doc: FracDocument; source: CompareSource } | null {
  if (!drafts) {
    const version = getLatestVersion({ mdoId });
    if (version) return { doc: version.document, source: { kind: "version", number: version.number, publishedAt: version.publishedAt } };
  }
  const draft = loadDraftDocument({ mdoId });
  return draft ? { doc: draft, source: { kind: "draft", revision: draft.revision ?? 0 } } : null;
}

/** The comparison of two ministries' frameworks, or which of them has none. */
export function compareMinistries({ a, b, drafts }: { a: string; b: string; drafts: boolean }):
  | { ok: true; comparison: FrameworkComparison; sources: { a: CompareSource; b: CompareSource } }
  | { ok: false; missing: "a" | "b" } {
  const left = comparedFramework({ mdoId: a, drafts });
  if (!left) return { ok: false, missing: "a" };
  const right = comparedFramework({ mdoId: b, drafts });
  if (!right) return { ok: false, missing: "b" };
  return { ok: true, comparison: compareFrameworks(left.doc, right.doc), sources: { a: left.source, b: right.source } };
}
