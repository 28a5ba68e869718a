/** The editor's in-memory model of a draft: nodes (including the competencies it uses) and links. */
import type { CompetencyType, Importance, LinkKind } from "@schemas/enums";
import type { FracNode } from "@schemas/frac-document";
import type { ProficiencyScale } from "@schemas/scale";

/**
 * A node as the editor holds it: the document's node, exactly as the validator and the
 * exports read it, plus where it sits on the canvas (null until the layout places it).
 */
export type EditorNode = FracNode & { x: number | null; y: number | null };

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
