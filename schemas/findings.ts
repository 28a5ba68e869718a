import { allowedChildKinds, allowedParentKinds, NODE_KIND_LABELS, NODE_KIND_PLURALS, type NodeKind } from "./enums";
import { isBlank } from "./text";

/**
 * Findings: what the validator reports. Codes are stable (the UI, the CLI and other
 * systems key on them); messages are written for a ministry HR officer.
 */

// Alphabetical, which is also the order findings of equal severity are listed in.
export const FINDING_CODES = [
  "activity_without_competency",
  "dangling_link",
  "duplicate_id",
  "duplicate_link",
  "duplicate_name",
  "level_missing",
  "level_not_allowed",
  "level_out_of_scale",
  "likely_duplicate_role",
  "name_empty",
  "position_without_role",
  "role_without_activity",
  "text_too_long",
  "too_many_links",
  "too_many_nodes",
  "unrated_requirements",
  "unused_node",
  "wrong_link_kind",
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export type FindingSeverity = "error" | "warning";
/**
 * What a finding's message says, as data, so a page can say it in another language (the English
 * `message` stays what the API and the CLI print). `kind` and `name` are the node the finding is about.
 */
export type FindingParams = { kind?: NodeKind; name?: string; [key: string]: string | number | undefined };
export type Finding = {
  severity: FindingSeverity;
  code: FindingCode;
  message: string;
  nodeId?: string;
  linkId?: string;
  params?: FindingParams;
};

/** Counts errors and warnings, e.g. for a badge or the CLI's exit code. */
export function summarizeFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const finding of findings) if (finding.severity === "error") errors++;
  return { errors, warnings: findings.length - errors };
}

type NamedNode = { id: string; kind: NodeKind; name: string };
const QUOTED_NAME_MAX = 80;

/** How a message names a node: `Role "Budget preparation"`, or `A role with no name (id …)`. */
export function describeNode(node: NamedNode): string {
  if (isBlank(node.name)) return `${NODE_KIND_LABELS[node.kind]} with no name (id ${node.id})`;
  const name = node.name.trim();
  // why: a 5,000-character name (itself a finding) would drown every message that quotes it.
  const shown = name.length > QUOTED_NAME_MAX ? `${name.slice(0, QUOTED_NAME_MAX - 1)}…` : name;
  return `${NODE_KIND_LABELS[node.kind]} "${shown}"`;
}

/** Joins words as a sentence would: "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[], conjunction = "and"): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} ${conjunction} ${words[words.length - 1]}`;
}

type Entry = { finding: Finding; sortName: string };

/** Gathers findings with the node name they sort by, and hands them back in a stable order. */
export class FindingList {
  private readonly entries: Entry[] = [];

  add(finding: Finding, sortName = ""): void {
    this.entries.push({ finding, sortName: sortName.toLocaleLowerCase("en") });
  }

  /** Errors first, then by code, then by node name; ids and message break remaining ties. */
  sorted(): Finding[] {
    return this.entries.sort(compareEntries).map((entry) => entry.finding);
  }
}

function compareEntries(a: Entry, b: Entry): number {
  const fa = a.finding;
  const fb = b.finding;
  if (fa.severity !== fb.severity) return fa.severity === "error" ? -1 : 1;
  // Plain code-unit comparison: deterministic on every machine, unlike locale collation.
  return (
    compareText(fa.code, fb.code) ||
    compareText(a.sortName, b.sortName) ||
    compareText(fa.nodeId ?? "", fb.nodeId ?? "") ||
    compareText(fa.linkId ?? "", fb.linkId ?? "") ||
    compareText(fa.message, fb.message)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A kind as a sentence names it: "a role", "an activity", "a knowledge resource". */
export function aKind(kind: NodeKind): string {
  const word = NODE_KIND_LABELS[kind].toLocaleLowerCase("en");
  return `${/^[aeiou]/.test(word) ? "an" : "a"} ${word}`;
}

/**
 * Why a node of kind `from` cannot be linked to one of kind `to`, in the words of LINK_RULES:
 * the one sentence the editor, the save action and the validator all use.
 */
export function whyNotLinked(from: NodeKind, to: NodeKind): string {
  const children = allowedChildKinds(from);
  const subject = capitalise(aKind(from));
  if (children.length === 0) {
    return `${subject} cannot be linked to anything; link ${joinWords(allowedParentKinds(from).map(aKind), "or")} to it instead.`;
  }
  return `${subject} can be linked to ${joinWords(children.map((k) => NODE_KIND_PLURALS[k]))}, not to ${aKind(to)}.`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
