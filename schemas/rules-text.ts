import type { FracDocument, FracNode } from "./frac-document";
import { describeNode, type FindingList } from "./findings";
import { LIMITS } from "./limits";
import { formatCount, isBlank, normalizeName } from "./text";
import { isFirstWithId, type DocumentIndex } from "./validator-index";

/**
 * Rules about the text of nodes: name_empty, text_too_long and duplicate_name.
 * The structural schema lets long text through on purpose, so these findings can name the node.
 */

/** name_empty and text_too_long for every node, plus the ministry's own code and name. */
export function checkText(doc: FracDocument, list: FindingList): void {
  const tooLongFinding = (label: string, text: string | undefined, max: number, node?: FracNode) => {
    if (text === undefined || text.length <= max) return;
    const what = node ? `${label} of ${describeNode(node)}` : label;
    const message = `The ${tooLong(what, text, max)}`;
    list.add({ severity: "error", code: "text_too_long", message, ...(node && { nodeId: node.id }) }, node?.name);
  };
  tooLongFinding("ministry code", doc.mdo.code, LIMITS.CODE_MAX);
  tooLongFinding("ministry name", doc.mdo.name, LIMITS.NAME_MAX);

  for (const node of doc.nodes) {
    if (isBlank(node.name)) {
      const message = `${describeNode(node)} needs a name.`;
      list.add({ severity: "error", code: "name_empty", message, nodeId: node.id, params: { kind: node.kind, id: node.id } });
    }
    tooLongFinding("name", node.name, LIMITS.NAME_MAX, node);
    tooLongFinding("Hindi name", node.nameHi, LIMITS.NAME_HI_MAX, node);
    tooLongFinding("description", node.description, LIMITS.DESCRIPTION_MAX, node);
    tooLongFinding("Hindi description", node.descriptionHi, LIMITS.DESCRIPTION_HI_MAX, node);
    tooLongFinding("source", node.source, LIMITS.SOURCE_MAX, node);
    tooLongFinding("created-by entry", node.createdBy, LIMITS.CREATED_BY_MAX, node);
    if (node.kind === "knowledge_resource") {
      tooLongFinding("web address (url)", node.url, LIMITS.URL_MAX, node);
    } else if (node.kind === "competency") {
      tooLongFinding("code", node.code, LIMITS.CODE_MAX, node);
      tooLongFinding("theme", node.theme, LIMITS.NAME_MAX, node);
      tooLongFinding("ministry code", node.mdoCode, LIMITS.CODE_MAX, node);
      for (const { level, name, descriptor } of node.scale.levels) {
        tooLongFinding(`name of level ${level}`, name, LIMITS.LEVEL_NAME_MAX, node);
        tooLongFinding(`descriptor of level ${level}`, descriptor, LIMITS.LEVEL_DESCRIPTOR_MAX, node);
      }
    }
  }
}

// e.g. `description of Role "X" is 6,012 characters long; the limit is 5,000.`
function tooLong(what: string, text: string, max: number): string {
  return `${what} is ${formatCount(text.length)} characters long; the limit is ${formatCount(max)}.`;
}

/** duplicate_name: two nodes of one kind whose names differ only in case, spacing or Unicode form. */
export function checkDuplicateNames(index: DocumentIndex, list: FindingList): void {
  const firstByKey = new Map<string, FracNode>();
  index.nodes.forEach((node, i) => {
    if (!isFirstWithId(index, i) || isBlank(node.name)) return;
    const key = duplicateKey(node);
    const first = firstByKey.get(key);
    if (!first) {
      firstByKey.set(key, node);
      return;
    }
    const same = `${describeNode(node)} has the same name as ${describeNode(first)} (id ${first.id})`;
    const message = `${same}. Merge them or rename one.`;
    const params = { kind: node.kind, name: node.name, otherKind: first.kind, otherName: first.name, otherId: first.id };
    list.add({ severity: "warning", code: "duplicate_name", message, nodeId: node.id, params }, node.name);
  });
}

// why the theme in the key: the KCM dictionary itself repeats sub-theme names under different
// themes (e.g. "Research & Need Analysis"), and some sub-themes share their theme's name.
function duplicateKey(node: FracNode): string {
  const name = normalizeName(node.name);
  if (node.kind !== "competency") return `${node.kind}\u0000${name}`;
  const parent = node.theme !== undefined ? normalizeName(node.theme) : (node.parentId ?? "");
  return `${node.kind}\u0000${parent}\u0000${name}`;
}
