/**
 * The fixed vocabularies of the FRAC model: node kinds, competency types, framework
 * statuses and the link kinds allowed between nodes.
 */

export const NODE_KINDS = ["position", "role", "activity", "competency", "knowledge_resource"] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** The node kinds a framework owns (stored in its `nodes`); competencies live in the dictionary. */
export const FRAMEWORK_NODE_KINDS = ["position", "role", "activity", "knowledge_resource"] as const;
export type FrameworkNodeKind = (typeof FRAMEWORK_NODE_KINDS)[number];

export const NODE_KIND_LABELS: Record<NodeKind, string> = {
  position: "Position",
  role: "Role",
  activity: "Activity",
  competency: "Competency",
  knowledge_resource: "Knowledge resource",
};

/** Lower-case plurals, for sentences such as "A role can be linked to activities and competencies". */
export const NODE_KIND_PLURALS: Record<NodeKind, string> = {
  position: "positions",
  role: "roles",
  activity: "activities",
  competency: "competencies",
  knowledge_resource: "knowledge resources",
};

export const COMPETENCY_TYPES = ["Behavioural", "Functional", "Domain"] as const;
export type CompetencyType = (typeof COMPETENCY_TYPES)[number];

// The iGOT tool's statuses plus PUBLISHED, which marks an immutable numbered version.
export const FRAMEWORK_STATUSES = ["DRAFT", "UNVERIFIED", "VERIFIED", "REJECTED", "PUBLISHED"] as const;
export type FrameworkStatus = (typeof FRAMEWORK_STATUSES)[number];

/**
 * The freeze rule, in one place: a framework that is submitted (UNVERIFIED) or verified and
 * awaiting the board (VERIFIED) is under review, and nobody edits or imports into it until a
 * reviewer sends it back (REJECTED) or the board approves it (back to DRAFT).
 */
export function isUnderReview(status: string): boolean {
  return status === "UNVERIFIED" || status === "VERIFIED";
}

/** The sentence every screen and refusal uses for that rule; callers add who holds it or what was not done. */
export const FROZEN_SENTENCE = "This framework is under review and frozen until a reviewer sends it back.";

export const RESOURCE_TYPES = ["Act", "Rule", "Manual", "Guideline", "Link", "Other"] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export const LINK_KINDS = [
  "position_role",
  "role_activity",
  "activity_competency",
  "role_competency",
  "position_resource",
  "activity_resource",
] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export type LinkRule = { from: NodeKind; to: NodeKind; carriesLevel: boolean; label: string };

// Only requirement links (something → competency) carry the required proficiency level;
// the iGOT tool stored it as a separate Role→Level link, which is what we avoid.
export const LINK_RULES: Record<LinkKind, LinkRule> = {
  position_role: { from: "position", to: "role", carriesLevel: false, label: "Position → Role" },
  role_activity: { from: "role", to: "activity", carriesLevel: false, label: "Role → Activity" },
  activity_competency: {
    from: "activity",
    to: "competency",
    carriesLevel: true,
    label: "Activity → Competency",
  },
  role_competency: { from: "role", to: "competency", carriesLevel: true, label: "Role → Competency" },
  position_resource: {
    from: "position",
    to: "knowledge_resource",
    carriesLevel: false,
    label: "Position → Knowledge resource",
  },
  activity_resource: {
    from: "activity",
    to: "knowledge_resource",
    carriesLevel: false,
    label: "Activity → Knowledge resource",
  },
};

const linkKindByPair = new Map<string, LinkKind>(
  LINK_KINDS.map((kind) => [`${LINK_RULES[kind].from}>${LINK_RULES[kind].to}`, kind]),
);

/** The link kind that joins a node of kind `from` to a node of kind `to`, or null when they may not be linked. */
export function linkKindFor(from: NodeKind, to: NodeKind): LinkKind | null {
  return linkKindByPair.get(`${from}>${to}`) ?? null;
}

/** The node kinds a node of the given kind may link to, in LINK_KINDS order. */
export function allowedChildKinds(from: NodeKind): NodeKind[] {
  return LINK_KINDS.filter((kind) => LINK_RULES[kind].from === from).map((kind) => LINK_RULES[kind].to);
}

/** The node kinds that may link to a node of the given kind, in LINK_KINDS order. */
export function allowedParentKinds(to: NodeKind): NodeKind[] {
  return LINK_KINDS.filter((kind) => LINK_RULES[kind].to === to).map((kind) => LINK_RULES[kind].from);
}

/**
 * How much a requirement matters to the position (O*NET rates importance apart from level; the
 * CBC's ACBP method ranks competencies by it). Absent means not rated yet.
 */
export const IMPORTANCE_LEVELS = ["essential", "important", "desirable"] as const;
export type Importance = (typeof IMPORTANCE_LEVELS)[number];

export const IMPORTANCE_LABELS: Record<Importance, string> = {
  essential: "Essential",
  important: "Important",
  desirable: "Desirable",
};

/** The weight of each importance in an ACBP priority (importance × posts); an unrated requirement weighs as "important". */
export const IMPORTANCE_WEIGHTS: Record<Importance, number> = { essential: 3, important: 2, desirable: 1 };

/** Reads an importance cell ("Essential", " desirable "); null when it is none of the three. */
export function parseImportance(text: string): Importance | null {
  const t = text.trim().toLowerCase();
  return IMPORTANCE_LEVELS.find((level) => level === t) ?? null;
}
