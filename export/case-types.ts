/**
 * The subset of the CASE 1.1 CFPackage (schemas/case/case_v1p1_cfpackage-jsonschema1.json)
 * that the exporter writes, with fields in the order it writes them.
 */

export type LinkUri = { title: string; identifier: string; uri: string };
export type LinkGenUri = LinkUri & { targetType?: "CASE" };
export type Extensions = Record<string, string | number>;

export type CFDocument = {
  identifier: string;
  uri: string;
  caseVersion: "1.1";
  creator: string;
  title: string;
  lastChangeDateTime: string;
  description?: string;
  language: string;
  version: string;
  adoptionStatus: "Draft" | "Adopted";
  statusStartDate?: string;
  notes?: string;
  extensions: Extensions;
};

export type CFItem = {
  identifier: string;
  uri: string;
  fullStatement: string;
  abbreviatedStatement: string;
  humanCodingScheme?: string;
  CFItemType: string;
  CFItemTypeURI: LinkUri;
  notes?: string;
  language: string;
  lastChangeDateTime: string;
  extensions?: Extensions;
};

export type CFAssociation = {
  identifier: string;
  uri: string;
  associationType: "isChildOf" | "hasSkillLevel";
  sequenceNumber: number;
  originNodeURI: LinkGenUri;
  destinationNodeURI: LinkGenUri;
  lastChangeDateTime: string;
  extensions?: Extensions;
};

export type CFItemType = {
  identifier: string;
  uri: string;
  title: string;
  description: string;
  hierarchyCode: string;
  typeCode: string;
  lastChangeDateTime: string;
};

export type CFRubricCriterionLevel = {
  identifier: string;
  uri: string;
  description: string;
  quality: string;
  score: number;
  position: number;
  rubricCriterionId: string;
  lastChangeDateTime: string;
};

export type CFRubricCriterion = {
  identifier: string;
  uri: string;
  category: string;
  description: string;
  CFItemURI: LinkUri;
  position: number;
  rubricId: string;
  lastChangeDateTime: string;
  CFRubricCriterionLevels: CFRubricCriterionLevel[];
};

export type CFRubric = {
  identifier: string;
  uri: string;
  title: string;
  description: string;
  lastChangeDateTime: string;
  CFRubricCriteria: CFRubricCriterion[];
};

export type CFPackage = {
  CFDocument: CFDocument;
  CFItems: CFItem[];
  CFAssociations: CFAssociation[];
  CFDefinitions: { CFItemTypes: CFItemType[] };
  CFRubrics: CFRubric[];
};
