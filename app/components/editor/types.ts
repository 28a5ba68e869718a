/** The editor's in-memory model of a draft: nodes (including the competencies it uses) and links. */
import type { CompetencyType, Importance, LinkKind, NodeKind, ResourceType } from "@schemas/enums";
import type { ProficiencyScale } from "@schemas/scale";

export type EditorNode = {
  id: string;
  kind: NodeKind;
  name: string;
  nameHi?: string;
  description?: string;
  descriptionHi?: string;
  source?: string;
  url?: string;
  resourceType?: ResourceType;
  /** Positions only. */
  sanctionedPosts?: number;
  // Competencies only (read-only in the editor: they belong to the dictionary).
  competencyType?: CompetencyType;
  code?: string;
  theme?: string;
  parentId?: string;
  mdoCode?: string;
  scale?: ProficiencyScale;
  x: number | null;
  y: number | null;
};

export type EditorLink = { id: string; kind: LinkKind; from: string; to: string; level?: number; importance?: Importance; order: number };

export type GraphState = {
  nodes: Record<string, EditorNode>;
  links: Record<string, EditorLink>;
};

/** A dictionary entry the author can require (the loader sends the ones this ministry may use). */
export type DictionaryOption = {
  id: string;
  name: string;
  nameHi?: string | null;
  description: string;
  descriptionHi?: string | null;
  type: CompetencyType;
  code: string | null;
  theme: string | null;
  parentId: string | null;
  mdoCode: string | null;
  scale: ProficiencyScale;
};
