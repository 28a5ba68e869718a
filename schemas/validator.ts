import type { FracDocument } from "./frac-document";
import { FindingList, type Finding } from "./findings";
import { checkCoverage } from "./rules-coverage";
import { checkImportance } from "./rules-importance";
import { checkDuplicateIds, checkCounts } from "./rules-ids";
import { checkLikelyDuplicateRoles } from "./rules-duplicates";
import { checkLinks } from "./rules-links";
import { checkDuplicateNames, checkText } from "./rules-text";
import { indexDocument } from "./validator-index";

/**
 * The one FRAC validator: the editor, the importer, the review screens and the CLI all call
 * it, in the browser and on the server. It takes a document that already passed the
 * structural schema and reports every problem as a finding that points at a node or link.
 *
 * Cost: a handful of linear passes over nodes and links with Map/Set lookups, so a
 * framework at the limits (2,50,000 nodes, 10,00,000 links) is checked in one go.
 */

export type ValidateOptions = {
  /**
   * "draft" (default) while editing: a role without activities is only a warning.
   * "submit" before review: an incomplete tree is an error, so it cannot be submitted.
   */
  mode?: "draft" | "submit";
};

/** Checks a FRAC document and returns its findings, errors first, in a stable order. */
export function validateFracDocument(doc: FracDocument, options: ValidateOptions = {}): Finding[] {
  const mode = options.mode ?? "draft";
  const list = new FindingList();
  const index = indexDocument(doc);

  checkCounts(doc, list);
  checkDuplicateIds(index, list);
  const validLinks = checkLinks(index, list);
  checkCoverage(index, validLinks, mode, list);
  checkImportance(doc, mode, list);
  checkText(doc, list);
  checkDuplicateNames(index, list);
  checkLikelyDuplicateRoles(index, list);

  return list.sorted();
}

/** True when the findings contain no error, i.e. the document may be saved (draft) or submitted (submit). */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === "error");
}

export { FINDING_CODES, summarizeFindings } from "./findings";
export type { Finding, FindingCode, FindingSeverity } from "./findings";
export { normalizeName } from "./text";
