/**
 * Completeness of a ministry's draft or published version: the one function the outline, the
 * profiles, the CLI and the CBC's dashboard call (the rule itself is schemas/completeness.ts).
 */
import { computeCompleteness, type Completeness } from "@schemas/completeness";
import { cachedForDraft } from "./draft-insight.server";
import type { DemandSource } from "./demand.server";
import { versionInsight } from "./version-insight.server";

/** The completeness of a version (or the draft) of one ministry, with every position's; null when there is no such version or draft. */
export function completenessOf({ mdoId, version }: { mdoId: string; version: DemandSource }): Completeness | null {
  if (version !== "draft") return versionInsight({ mdoId, number: version })?.completeness ?? null;
  return cachedForDraft("completeness", mdoId, computeCompleteness);
}

/** Just the score, 0–100, of a version (or the draft); null when there is no such version or draft. */
export function completenessScore({ mdoId, version }: { mdoId: string; version: DemandSource }): number | null {
  return completenessOf({ mdoId, version })?.score ?? null;
}
