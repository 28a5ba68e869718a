/**
 * Competency demand of a ministry's draft or published version, and of every ministry's latest
 * version together: the one function the CLI, the read API and the pages call (the rule itself is
 * schemas/demand.ts).
 */
import { computeDemand, sumDemand, type DemandRow } from "@schemas/demand";
import { cachedForDraft } from "./draft-insight.server";
import { getVersion, listPublishedFrameworks } from "../publication/versions.server";
import { insightBySha, versionInsight } from "./version-insight.server";

export type DemandSource = number | "draft";

/** The demand of a version (or the draft) of one ministry, or null when there is no such version or draft. */
export function demandOf({ mdoId, version }: { mdoId: string; version: DemandSource }): DemandRow[] | null {
  if (version !== "draft") return versionInsight({ mdoId, number: version })?.demand ?? null;
  return cachedForDraft("demand", mdoId, computeDemand);
}

/** The demand of every active ministry's latest published version, summed per competency and level. */
export function demandOfAll(): DemandRow[] {
  const lists: DemandRow[][] = [];
  for (const framework of listPublishedFrameworks()) {
    const insight = insightBySha(framework.sha256, () => getVersion({ mdoId: framework.mdoId, number: framework.latestVersion })?.document ?? null);
    if (insight) lists.push(insight.demand);
  }
  return sumDemand(lists);
}
