/**
 * A FracDocument (the JSON every export writes) → the same records a spreadsheet gives: one
 * chain per link, one competency record per competency node. Rows do not exist in JSON, so
 * findings carry row 0 and the JSON path of the node or link instead.
 */
import { parseFracDocument, type FracDocument, type FracNode } from "@schemas/frac-document";
import { ImportError, type ImportFinding } from "./findings";
import type { ChainRecord, CompetencyCell, CompetencyRecord, ImportRecords, NodeCell } from "./records";

/** Parses JSON text into a FracDocument and its records; a shape problem is a finding, unreadable JSON an ImportError. */
export function readDocumentRecords(text: string, mdoCode: string): ImportRecords & { findings: ImportFinding[] } {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (cause) {
    const detail = cause instanceof Error ? ` (${cause.message})` : "";
    throw new ImportError("invalid_json", `This file is not valid JSON${detail}.`, 400, { cause, text: { key: "importFile.notJson", params: { detail } } });
  }
  const parsed = parseFracDocument(input);
  if (!parsed.ok) {
    const findings = parsed.issues.slice(0, 200).map(
      (issue): ImportFinding => ({
        row: 0,
        path: issue.path,
        severity: "error",
        code: "document_invalid",
        message: `${issue.path} ${issue.message}`,
      }),
    );
    return { chains: [], competencies: [], findings };
  }
  return documentRecords(parsed.document, mdoCode);
}

/** The records of a parsed FracDocument. */
export function documentRecords(
  document: FracDocument,
  mdoCode: string,
): ImportRecords & { findings: ImportFinding[] } {
  const findings: ImportFinding[] = [];
  if (document.mdo.code !== mdoCode) {
    findings.push({
      row: 0,
      path: "mdo.code",
      value: document.mdo.code,
      severity: "warning",
      code: "document_other_mdo",
      message: `This document is the framework of ${document.mdo.code}; it is being imported into ${mdoCode}.`,
    });
  }
  const nodes = new Map<string, { node: FracNode; index: number }>();
  document.nodes.forEach((node, index) => nodes.set(node.id, { node, index }));

  const competencies: CompetencyRecord[] = [];
  for (const { node, index } of nodes.values()) {
    if (node.kind !== "competency") continue;
    competencies.push({
      row: 0,
      path: `nodes[${index}]`,
      id: node.id,
      name: node.name,
      type: node.competencyType,
      ...(node.nameHi && { nameHi: node.nameHi }),
      ...(node.description && { description: node.description }),
      ...(node.descriptionHi && { descriptionHi: node.descriptionHi }),
      ...(node.theme && { theme: node.theme }),
      ...(node.code && { code: node.code }),
      ...(node.source && { source: node.source }),
      scale: node.scale,
    });
  }

  const chains: ChainRecord[] = [];
  const linked = new Set<string>();
  let resourceLinks = 0;
  document.links.forEach((link, index) => {
    const from = nodes.get(link.from)?.node;
    const to = nodes.get(link.to)?.node;
    // Dangling links and wrong kinds are the validator's findings; an import just skips them.
    if (!from || !to) return;
    const path = `links[${index}]`;
    const chain: ChainRecord = { row: 0, path };
    if (link.kind === "position_role" && from.kind === "position" && to.kind === "role") {
      Object.assign(chain, { position: nodeCell(from), role: nodeCell(to) });
    } else if (link.kind === "role_activity" && from.kind === "role" && to.kind === "activity") {
      Object.assign(chain, { role: nodeCell(from), activity: nodeCell(to) });
    } else if (link.kind === "activity_competency" && from.kind === "activity" && to.kind === "competency") {
      Object.assign(chain, { activity: nodeCell(from), competency: competencyCell(to), level: link.level, importance: link.importance });
    } else if (link.kind === "role_competency" && from.kind === "role" && to.kind === "competency") {
      Object.assign(chain, { role: nodeCell(from), competency: competencyCell(to), level: link.level, importance: link.importance });
    } else {
      if (link.kind === "position_resource" || link.kind === "activity_resource") resourceLinks++;
      return;
    }
    if (chain.competency && chain.level === undefined) {
      findings.push({
        row: 0,
        path,
        severity: "error",
        code: "level_missing",
        message: `${path} links to competency "${to.name}" without a required level.`,
      });
      return;
    }
    linked.add(from.id).add(to.id);
    chains.push(chain);
  });

  let resources = 0;
  for (const { node, index } of nodes.values()) {
    if (node.kind === "knowledge_resource") resources++;
    if (linked.has(node.id) || (node.kind !== "position" && node.kind !== "role" && node.kind !== "activity")) continue;
    // A node with no links still belongs to the framework: a chain of one.
    chains.push({ row: 0, path: `nodes[${index}]`, [node.kind]: nodeCell(node) });
  }
  if (resources > 0 || resourceLinks > 0) {
    findings.push({
      row: 0,
      path: "nodes",
      severity: "warning",
      code: "resources_not_imported",
      message: `${resources} knowledge resource(s) and ${resourceLinks} link(s) to them are not imported from a document; add them in the editor.`,
    });
  }
  return { chains, competencies, findings };
}

function nodeCell(node: FracNode): NodeCell {
  return {
    id: node.id,
    name: node.name.normalize("NFC").trim(),
    ...(node.description && { description: node.description.normalize("NFC").trim() }),
    ...(node.nameHi && { nameHi: node.nameHi.normalize("NFC").trim() }),
    ...(node.descriptionHi && { descriptionHi: node.descriptionHi.normalize("NFC").trim() }),
    ...(node.kind === "position" && node.sanctionedPosts !== undefined && { sanctionedPosts: node.sanctionedPosts }),
  };
}

function competencyCell(node: Extract<FracNode, { kind: "competency" }>): CompetencyCell {
  return { id: node.id, name: node.name, type: node.competencyType, ...(node.theme && { theme: node.theme }) };
}
