/**
 * FracDocument → a CASE 1.1 CFPackage (1EdTech Competencies and Academic Standards Exchange),
 * valid against the official schema copied in schemas/case/. The mapping, for integrators, is
 * in docs/interchange.md:
 *
 * - the framework version is the CFDocument; every node a CFItem whose identifier is the
 *   node's UUID and whose CFItemType names its kind (Position, Role, Activity, Competency,
 *   Knowledge resource), defined in CFDefinitions.CFItemTypes;
 * - every link an `isChildOf` CFAssociation (child → parent) whose identifier is the link's
 *   UUID and whose sequenceNumber is the child's 1-based place among the parent's children;
 *   nodes no link points to are `isChildOf` the CFDocument;
 * - each competency's proficiency scale a CFRubric with one criterion (pointing at the
 *   competency's CFItem) and a CFRubricCriterionLevel per level (score = level number,
 *   quality = level name, description = descriptor);
 * - a required level twice: in the requirement association's `extensions` (requiredLevel,
 *   requiredLevelName), and as a `hasSkillLevel` association from the requiring activity or
 *   role to that level of the competency's rubric, for readers that understand rubrics;
 * - format 1.1's fields in `extensions` too: a requirement's `importance` on its isChildOf
 *   association, a position's `sanctionedPosts` on its CFItem.
 *
 * buildCasePackage returns the object; caseChunks writes the same JSON text in pieces,
 * byte-identical to JSON.stringify(buildCasePackage(doc), null, space), for large frameworks.
 */
import { NODE_KIND_LABELS, NODE_KINDS, type NodeKind } from "@schemas/enums";
import type { CompetencyNode, FracDocument, FracLink, FracNode } from "@schemas/frac-document";
import { CASE_DEFAULT_BASE_URI, caseIds, caseUris, type CaseUris } from "./case-ids";
import type {
  CFAssociation,
  CFDocument,
  CFItem,
  CFItemType,
  CFPackage,
  CFRubric,
  Extensions,
  LinkGenUri,
  LinkUri,
} from "./case-types";
import { childLinks, documentLastChange, buildExportGraph, nodesOfKind, type ExportGraph } from "./graph";
import { batched, jsonPieces, materialise, StreamedArray } from "./json-stream";

export type { CFPackage } from "./case-types";

export type CaseOptions = {
  /** Base of every `uri` (the server's public address); default https://frac.studio. */
  baseUri?: string;
};

const LANGUAGE = "en";
// The item types never change; a fixed date keeps their lastChangeDateTime stable.
const ITEM_TYPES_DEFINED = "2026-01-01T00:00:00Z";

const KIND_DESCRIPTIONS: Record<NodeKind, string> = {
  position: "A position (designation) in the ministry.",
  role: "A role that one or more positions play.",
  activity: "An activity that one or more roles perform.",
  competency: "A competency from the Karmayogi Competency Model or the ministry's Domain competencies.",
  knowledge_resource: "An act, rule, manual, guideline or link that a position or activity relies on.",
};

/** The CFPackage as an object. */
export function buildCasePackage(doc: FracDocument, options: CaseOptions = {}): CFPackage {
  // why the cast: materialise only expands the StreamedArrays of a CFPackage-shaped value.
  return materialise(packageShape(doc, options)) as CFPackage;
}

/**
 * The CFPackage as JSON text in chunks of about 64 KB, one item, association or rubric at a
 * time; the chunks join to JSON.stringify(buildCasePackage(doc, options), null, space).
 */
export function* caseChunks(doc: FracDocument, options: CaseOptions & { space?: number } = {}): Generator<string> {
  yield* batched(jsonPieces(packageShape(doc, options), options.space ?? 0));
}

function packageShape(doc: FracDocument, options: CaseOptions) {
  const ctx = context(doc, options);
  return {
    CFDocument: cfDocument(ctx),
    CFItems: new StreamedArray(() => items(ctx)),
    CFAssociations: new StreamedArray(() => associations(ctx)),
    CFDefinitions: { CFItemTypes: NODE_KINDS.map((kind) => itemType(ctx, kind)) },
    CFRubrics: new StreamedArray(() => rubrics(ctx)),
  };
}

type Context = {
  doc: FracDocument;
  index: ExportGraph;
  uris: CaseUris;
  documentRef: LinkGenUri;
  lastChange: string;
  itemTypeRefs: Record<NodeKind, LinkUri>;
  /** Rubric and level identifiers per competency id, derived once (a competency is required many times). */
  rubricIds: Map<string, RubricIds>;
};

type RubricIds = { rubric: string; criterion: string; levels: Map<number, string> };

function context(doc: FracDocument, options: CaseOptions): Context {
  const uris = caseUris(options.baseUri ?? CASE_DEFAULT_BASE_URI);
  const identifier = caseIds.document(doc.mdo.code, doc.version);
  return {
    doc,
    index: buildExportGraph(doc),
    uris,
    documentRef: { title: documentTitle(doc), identifier, uri: uris.of("CFDocuments", identifier) },
    lastChange: documentLastChange(doc),
    itemTypeRefs: Object.fromEntries(
      NODE_KINDS.map((kind) => {
        const id = caseIds.itemType(kind);
        return [kind, { title: NODE_KIND_LABELS[kind], identifier: id, uri: uris.of("CFItemTypes", id) }];
      }),
    ) as Record<NodeKind, LinkUri>,
    rubricIds: new Map(),
  };
}

function rubricIdsOf(ctx: Context, competency: CompetencyNode): RubricIds {
  let ids = ctx.rubricIds.get(competency.id);
  if (!ids) {
    ids = {
      rubric: caseIds.rubric(competency.id),
      criterion: caseIds.criterion(competency.id),
      levels: new Map(competency.scale.levels.map((l) => [l.level, caseIds.criterionLevel(competency.id, l.level)])),
    };
    ctx.rubricIds.set(competency.id, ids);
  }
  return ids;
}

function documentTitle(doc: FracDocument): string {
  const which = doc.version === null ? "draft" : `version ${doc.version}`;
  return `${doc.mdo.name}: Framework of Roles, Activities and Competencies (${which})`;
}

function cfDocument(ctx: Context): CFDocument {
  const { doc } = ctx;
  const draft = doc.version === null;
  const extensions: Extensions = { mdoCode: doc.mdo.code, frameworkStatus: doc.status, schemaVersion: doc.schemaVersion };
  if (doc.revision !== undefined) extensions.revision = doc.revision;
  return {
    identifier: ctx.documentRef.identifier,
    uri: ctx.documentRef.uri,
    caseVersion: "1.1",
    creator: doc.mdo.name,
    title: ctx.documentRef.title,
    lastChangeDateTime: ctx.lastChange,
    description: `Framework of Roles, Activities and Competencies (FRAC, Mission Karmayogi) of ${doc.mdo.name}: its positions, roles, activities and the competencies they require, each at a required proficiency level.`,
    language: LANGUAGE,
    version: draft ? "draft" : String(doc.version),
    adoptionStatus: draft ? "Draft" : "Adopted",
    ...(!draft && doc.publishedAt ? { statusStartDate: doc.publishedAt.slice(0, 10) } : {}),
    ...(draft ? { notes: `Working copy (status ${doc.status}); not an approved framework.` } : {}),
    extensions,
  };
}

function itemType(ctx: Context, kind: NodeKind): CFItemType {
  const { identifier, uri, title } = ctx.itemTypeRefs[kind];
  return {
    identifier,
    uri,
    title,
    description: KIND_DESCRIPTIONS[kind],
    hierarchyCode: String(NODE_KINDS.indexOf(kind) + 1),
    typeCode: kind,
    lastChangeDateTime: ITEM_TYPES_DEFINED,
  };
}

function* items(ctx: Context): Generator<CFItem> {
  for (const node of ctx.index.byId.values()) yield item(ctx, node);
}

function item(ctx: Context, node: FracNode): CFItem {
  const out: CFItem = {
    identifier: node.id,
    uri: ctx.uris.of("CFItems", node.id),
    fullStatement: node.name,
    abbreviatedStatement: node.name,
    ...(node.kind === "competency" && node.code ? { humanCodingScheme: node.code } : {}),
    CFItemType: NODE_KIND_LABELS[node.kind],
    CFItemTypeURI: ctx.itemTypeRefs[node.kind],
    ...(node.description ? { notes: node.description } : {}),
    language: LANGUAGE,
    lastChangeDateTime: node.updatedAt ?? node.createdAt ?? ctx.lastChange,
  };
  const extensions = itemExtensions(node);
  if (extensions) out.extensions = extensions;
  return out;
}

// The FracDocument fields CASE has no place for, under their FracDocument names.
function itemExtensions(node: FracNode): Extensions | undefined {
  const fields: Record<string, string | number | undefined> = {
    nameHi: node.nameHi,
    descriptionHi: node.descriptionHi,
    source: node.source,
    createdBy: node.createdBy,
    createdAt: node.createdAt,
  };
  if (node.kind === "competency") {
    Object.assign(fields, {
      competencyType: node.competencyType,
      theme: node.theme,
      themeId: node.parentId,
      mdoCode: node.mdoCode,
    });
  } else if (node.kind === "knowledge_resource") {
    Object.assign(fields, { url: node.url, resourceType: node.resourceType });
  } else if (node.kind === "position") {
    fields.sanctionedPosts = node.sanctionedPosts;
  } else if ((node.kind === "role" || node.kind === "activity") && node.derivedFrom) {
    // Format 1.1: CASE has no association for "copied from a node of another framework", so it is an extension.
    Object.assign(fields, { derivedFromNodeId: node.derivedFrom.nodeId, derivedFromMdo: node.derivedFrom.mdo, derivedFromVersion: node.derivedFrom.version ?? undefined });
  }
  const out: Extensions = {};
  let any = false;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === "") continue;
    out[key] = value;
    any = true;
  }
  return any ? out : undefined;
}

function* associations(ctx: Context): Generator<CFAssociation> {
  const { index } = ctx;
  let root = 0;
  for (const node of index.byId.values()) {
    if (index.linkedTo.has(node.id)) continue;
    const identifier = caseIds.rootAssociation(node.id);
    yield {
      identifier,
      uri: ctx.uris.of("CFAssociations", identifier),
      associationType: "isChildOf",
      sequenceNumber: ++root,
      originNodeURI: nodeRef(ctx, node),
      destinationNodeURI: ctx.documentRef,
      lastChangeDateTime: ctx.lastChange,
    };
  }
  for (const parent of index.byId.values()) {
    const links = childLinks(index, parent.id);
    for (let i = 0; i < links.length; i++) yield* linkAssociations(ctx, parent, links[i], i + 1);
  }
}

function* linkAssociations(ctx: Context, parent: FracNode, link: FracLink, sequenceNumber: number): Generator<CFAssociation> {
  const child = ctx.index.byId.get(link.to)!;
  const extensions: Extensions = { linkKind: link.kind };
  const level = child.kind === "competency" && link.level !== undefined ? findLevel(child, link.level) : undefined;
  if (link.level !== undefined) extensions.requiredLevel = link.level;
  if (level) extensions.requiredLevelName = level.name;
  if (link.importance !== undefined) extensions.importance = link.importance;
  yield {
    identifier: link.id,
    uri: ctx.uris.of("CFAssociations", link.id),
    associationType: "isChildOf",
    sequenceNumber,
    originNodeURI: nodeRef(ctx, child),
    destinationNodeURI: nodeRef(ctx, parent),
    lastChangeDateTime: ctx.lastChange,
    extensions,
  };
  if (!level || child.kind !== "competency") return;
  const identifier = caseIds.skillLevelAssociation(link.id);
  const ids = rubricIdsOf(ctx, child);
  const levelId = ids.levels.get(level.level)!;
  yield {
    identifier,
    uri: ctx.uris.of("CFAssociations", identifier),
    associationType: "hasSkillLevel",
    sequenceNumber,
    originNodeURI: nodeRef(ctx, parent),
    destinationNodeURI: {
      title: `${child.name}: ${level.level} ${level.name}`,
      identifier: levelId,
      uri: ctx.uris.inRubric(ids.rubric, levelId),
      targetType: "CASE",
    },
    lastChangeDateTime: ctx.lastChange,
    extensions: { requirementAssociation: link.id },
  };
}

function findLevel(competency: CompetencyNode, level: number) {
  return competency.scale.levels.find((l) => l.level === level);
}

function nodeRef(ctx: Context, node: FracNode): LinkUri {
  return { title: node.name, identifier: node.id, uri: ctx.uris.of("CFItems", node.id) };
}

function* rubrics(ctx: Context): Generator<CFRubric> {
  for (const competency of nodesOfKind(ctx.index, "competency")) yield rubric(ctx, competency);
}

function rubric(ctx: Context, competency: CompetencyNode): CFRubric {
  const ids = rubricIdsOf(ctx, competency);
  const rubricId = ids.rubric;
  const criterionId = ids.criterion;
  const changed = competency.updatedAt ?? competency.createdAt ?? ctx.lastChange;
  return {
    identifier: rubricId,
    uri: ctx.uris.of("CFRubrics", rubricId),
    title: `Proficiency levels: ${competency.name}`,
    description: `The ${competency.scale.levels.length} proficiency levels of the ${competency.competencyType} competency "${competency.name}".`,
    lastChangeDateTime: changed,
    CFRubricCriteria: [
      {
        identifier: criterionId,
        uri: ctx.uris.inRubric(rubricId, criterionId),
        category: competency.competencyType,
        description: competency.name,
        CFItemURI: nodeRef(ctx, competency),
        position: 1,
        rubricId,
        lastChangeDateTime: changed,
        CFRubricCriterionLevels: competency.scale.levels.map((level) => {
          const identifier = ids.levels.get(level.level)!;
          return {
            identifier,
            uri: ctx.uris.inRubric(rubricId, identifier),
            description: level.descriptor,
            quality: level.name,
            score: level.level,
            position: level.level,
            rubricCriterionId: criterionId,
            lastChangeDateTime: changed,
          };
        }),
      },
    ],
  };
}
