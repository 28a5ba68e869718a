import { isUnderReview, LINK_RULES } from "./enums";
import type { FracDocument } from "./frac-document";
import type { FindingList } from "./findings";

/**
 * unrated_requirements: requirements without an importance, once the framework is submitted
 * (or being submitted). Always a warning, never an error: importance came with format 1.1 and
 * ministries rate their requirements over time. One finding for the framework, pointing at the
 * first unrated requirement, because thousands of identical lines would bury the real findings.
 */
export function checkImportance(doc: FracDocument, mode: "draft" | "submit", list: FindingList): void {
  if (mode !== "submit" && !isUnderReview(doc.status)) return;
  let total = 0;
  let unrated = 0;
  let first: string | undefined;
  for (const link of doc.links) {
    if (!LINK_RULES[link.kind].carriesLevel) continue;
    total++;
    if (link.importance !== undefined) continue;
    unrated++;
    first ??= link.id;
  }
  if (unrated === 0) return;
  const which = unrated === total ? `None of the ${total} requirements has an importance` : `${unrated} of ${total} requirements have no importance`;
  list.add({
    severity: "warning",
    code: "unrated_requirements",
    message: `${which} (essential, important or desirable); rate them so that the ministry's capacity building plan can set priorities.`,
    linkId: first,
  });
}
