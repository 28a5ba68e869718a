import { LINK_RULES, linkKindFor } from "./enums";
import type { FracLink, FracNode } from "./frac-document";
import { aKind, describeNode, whyNotLinked, type FindingCode, type FindingList } from "./findings";
import { describeScale } from "./scale";
import { describeLink, linkSortName, repeatedPairs, sentence, type DocumentIndex } from "./validator-index";

/**
 * Rules about single links: dangling_link, wrong_link_kind, level_missing,
 * level_not_allowed, level_out_of_scale and duplicate_link. One pass over the links.
 * Returns, per link, 1 when it joins two existing nodes with the right kind; only those
 * links count when later rules ask "does this role have an activity?".
 */
export function checkLinks(index: DocumentIndex, list: FindingList): Uint8Array {
  const valid = new Uint8Array(index.links.length);
  const repeated = repeatedPairs(index);
  const add = (link: FracLink, code: FindingCode, message: string) =>
    list.add({ severity: "error", code, message, linkId: link.id }, linkSortName(index, link));

  index.links.forEach((link, i) => {
    const fromIndex = index.linkFrom[i];
    const toIndex = index.linkTo[i];
    if (fromIndex < 0 || toIndex < 0) {
      const what = sentence(describeLink(index, link));
      add(link, "dangling_link", `${what} refers to a node that is not in the framework. Remove the link or add the node.`);
      return;
    }
    const from = index.nodes[fromIndex];
    const to = index.nodes[toIndex];

    if (repeated[i] === 1) {
      const what = `${describeNode(from)} is linked to ${describeNode(to)} more than once`;
      add(link, "duplicate_link", `${what}. Remove the extra link.`);
    }

    const kindProblem = wrongKindMessage(index, link, from, to);
    if (kindProblem) {
      add(link, "wrong_link_kind", kindProblem);
      return; // why: with the wrong kind, level findings would only repeat the same mistake.
    }
    valid[i] = 1;

    const levelProblem = levelMessage(index, link, to);
    if (levelProblem) add(link, levelProblem.code, levelProblem.message);
  });
  return valid;
}

function wrongKindMessage(index: DocumentIndex, link: FracLink, from: FracNode, to: FracNode): string | null {
  const rule = LINK_RULES[link.kind];
  if (rule.from === from.kind && rule.to === to.kind) return null;
  const fitting = linkKindFor(from.kind, to.kind);
  if (fitting) {
    const joins = `joins ${aKind(from.kind)} to ${aKind(to.kind)}`;
    return `${sentence(describeLink(index, link))} is marked "${rule.label}" but ${joins}; it should be "${LINK_RULES[fitting].label}".`;
  }
  return `${describeNode(from)} cannot be linked to ${describeNode(to)}. ${whyNotLinked(from.kind, to.kind)}`;
}

type LevelProblem = { code: "level_missing" | "level_not_allowed" | "level_out_of_scale"; message: string };

function levelMessage(index: DocumentIndex, link: FracLink, to: FracNode): LevelProblem | null {
  const carriesLevel = LINK_RULES[link.kind].carriesLevel;
  if (!carriesLevel) {
    if (link.level === undefined) return null;
    return {
      code: "level_not_allowed",
      message: `${sentence(describeLink(index, link))} has a level (${link.level}), but only links to a competency carry a required level.`,
    };
  }
  if (to.kind !== "competency") return null; // unreachable once the kind matched; keeps the types honest
  if (link.level === undefined) {
    return {
      code: "level_missing",
      message: `${sentence(describeLink(index, link))} has no required level. Choose one of ${describeScale(to.scale)}.`,
    };
  }
  // Same answer as levelInScale, since every parsed scale is numbered 1..n without gaps, but
  // it reads one array length instead of up to five level objects per link.
  if (Number.isInteger(link.level) && link.level >= 1 && link.level <= to.scale.levels.length) return null;
  return {
    code: "level_out_of_scale",
    message: `${sentence(describeLink(index, link))} requires level ${link.level}, but ${describeNode(to)} has ${describeScale(to.scale)}.`,
  };
}

