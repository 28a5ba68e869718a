/**
 * Identifiers and URIs of the CASE objects that have no id of their own in a FracDocument
 * (the CFDocument, item types, rubrics, root and skill-level associations). Each is a UUID v5
 * derived from what it stands for, so the same framework gives the same identifiers in every
 * export and every version; nodes and links keep their own UUIDs.
 */
import { v5 as uuidv5 } from "uuid";
import type { NodeKind } from "@schemas/enums";

/** UUID v5 namespace of FRAC Studio's derived CASE identifiers: uuidv5("https://frac.studio/case", URL). Never change it. */
export const CASE_NAMESPACE = "cc6fe7d4-8a0c-53d8-ac0a-9151ebd53063";

/** The base of every `uri` when the caller gives none. */
export const CASE_DEFAULT_BASE_URI = "https://frac.studio";

const derive = (name: string): string => uuidv5(name, CASE_NAMESPACE);

export const caseIds = {
  /** The CFDocument of one version of a ministry's framework ("draft" for the working copy). */
  document: (mdoCode: string, version: number | null) =>
    derive(`document:${mdoCode.trim().toUpperCase()}:${version ?? "draft"}`),
  itemType: (kind: NodeKind) => derive(`item-type:${kind}`),
  /** The isChildOf association of a node that no link points to, to the CFDocument. */
  rootAssociation: (nodeId: string) => derive(`root:${nodeId}`),
  /** The hasSkillLevel association that goes with a requirement link. */
  skillLevelAssociation: (linkId: string) => derive(`skill-level:${linkId}`),
  rubric: (competencyId: string) => derive(`rubric:${competencyId}`),
  criterion: (competencyId: string) => derive(`rubric-criterion:${competencyId}`),
  criterionLevel: (competencyId: string, level: number) => derive(`rubric-level:${competencyId}:${level}`),
};

export type CaseObjectType = "CFDocuments" | "CFItems" | "CFAssociations" | "CFItemTypes" | "CFRubrics";

/** URIs in the shape of the CASE 1.1 REST binding, e.g. https://frac.studio/ims/case/v1p1/CFItems/{id}. */
export function caseUris(baseUri: string) {
  const base = `${baseUri.replace(/\/+$/u, "")}/ims/case/v1p1`;
  return {
    of: (type: CaseObjectType, identifier: string) => `${base}/${type}/${identifier}`,
    // Criteria and levels have no endpoint of their own: they are fragments of their rubric.
    inRubric: (rubricId: string, identifier: string) => `${base}/CFRubrics/${rubricId}#${identifier}`,
  };
}
export type CaseUris = ReturnType<typeof caseUris>;
