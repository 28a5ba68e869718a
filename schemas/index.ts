/**
 * The shared FRAC schema: everything other folders (app, db, import, bin) import from schemas/.
 * Rule modules (rules-*.ts, validator-index.ts) stay internal; call validateFracDocument.
 */
export * from "./limits";
export * from "./enums";
export * from "./text";
export * from "./scale";
export * from "./frac-document";
export * from "./graph-schemas";
export { describeNode, FINDING_CODES, summarizeFindings } from "./findings";
export type { Finding, FindingCode, FindingSeverity } from "./findings";
export { hasErrors, validateFracDocument, type ValidateOptions } from "./validator";
export * from "./json-schema";
