/**
 * Test data for schemas/: a valid one-of-each FRAC document, with overrides.
 * Every call makes fresh UUIDs, so documents built in one test never share ids.
 */
import { linkKindFor, LINK_RULES, type NodeKind } from "@schemas/enums";
import type {
  ActivityNode,
  CompetencyNode,
  FracDocument,
  FracLink,
  FracNode,
  KnowledgeResourceNode,
  PositionNode,
  RoleNode,
} from "@schemas/frac-document";
import { defaultScale } from "@schemas/scale";

export const uuid = (): string => crypto.randomUUID();

export const makePosition = (o: Partial<PositionNode> = {}): PositionNode => ({
  id: uuid(),
  kind: "position",
  name: "Under Secretary, Budget Division",
  ...o,
});
export const makeRole = (o: Partial<RoleNode> = {}): RoleNode => ({
  id: uuid(),
  kind: "role",
  name: "Budget preparation",
  ...o,
});
export const makeActivity = (o: Partial<ActivityNode> = {}): ActivityNode => ({
  id: uuid(),
  kind: "activity",
  name: "Consolidate demands for grants",
  ...o,
});
export const makeCompetency = (o: Partial<CompetencyNode> = {}): CompetencyNode => ({
  id: uuid(),
  kind: "competency",
  name: "Financial Management",
  competencyType: "Functional",
  scale: defaultScale(5),
  ...o,
});
export const makeResource = (o: Partial<KnowledgeResourceNode> = {}): KnowledgeResourceNode => ({
  id: uuid(),
  kind: "knowledge_resource",
  name: "General Financial Rules, 2017",
  url: "https://doe.gov.in/gfr",
  resourceType: "Rule",
  ...o,
});

/** A link of the kind that fits the two nodes; links to a competency get level 2 and importance "essential". */
export function makeLink(from: FracNode, to: FracNode, o: Partial<FracLink> = {}): FracLink {
  const kind = linkKindFor(from.kind, to.kind);
  if (!kind) throw new Error(`test data: a ${from.kind} cannot be linked to a ${to.kind}`);
  return {
    id: uuid(),
    from: from.id,
    to: to.id,
    kind,
    ...(LINK_RULES[kind].carriesLevel ? { level: 2, importance: "essential" as const } : {}),
    ...o,
  };
}

/** A valid document: position → role → activity → competency (level 2). */
export function makeFracDocument(overrides: Partial<FracDocument> = {}): FracDocument {
  const position = makePosition();
  const role = makeRole();
  const activity = makeActivity();
  const competency = makeCompetency();
  return {
    schemaVersion: "1.1",
    mdo: { code: "DOE", name: "Department of Expenditure" },
    version: null,
    status: "DRAFT",
    revision: 0,
    nodes: [position, role, activity, competency],
    links: [makeLink(position, role), makeLink(role, activity), makeLink(activity, competency)],
    ...overrides,
  };
}

/** The first node of a kind in the document; throws so a test never runs on undefined. */
export function nodeOf<K extends NodeKind>(doc: FracDocument, kind: K): Extract<FracNode, { kind: K }> {
  const node = doc.nodes.find((n): n is Extract<FracNode, { kind: K }> => n.kind === kind);
  if (!node) throw new Error(`test data: no ${kind} in the document`);
  return node;
}

/** The document with nodes and links appended. */
export function withExtra(doc: FracDocument, nodes: FracNode[], links: FracLink[] = []): FracDocument {
  return { ...doc, nodes: [...doc.nodes, ...nodes], links: [...doc.links, ...links] };
}
