import { readFileSync } from "node:fs";
import Ajv2019 from "ajv/dist/2019";
import { describe, expect, it } from "vitest";
import type { FracDocument } from "@schemas/frac-document";
import { buildCasePackage, caseChunks, type CFPackage } from "@export/case";
import { CASE_DEFAULT_BASE_URI, caseIds } from "@export/case-ids";
import { makeExportDocument } from "../../factories/export-framework";

const schema: object = JSON.parse(
  readFileSync(new URL("../../../schemas/case/case_v1p1_cfpackage-jsonschema1.json", import.meta.url), "utf8"),
);
// ajv-formats is not installed: the three formats the CASE schema uses are checked by these
// patterns (RFC 4122 UUIDs, RFC 3339 dates and date-times) instead of being skipped.
const ajv = new Ajv2019({ allErrors: true, strict: true });
ajv.addFormat("uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/u);
ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/u);
const validate = ajv.compile(schema);

function expectValid(pkg: unknown): void {
  const ok = validate(pkg);
  expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3), null, 2)).toEqual([]);
  expect(ok).toBe(true);
}

const itemTypeOf = (pkg: CFPackage, id: string) => pkg.CFItems.find((i) => i.identifier === id)?.CFItemType;

describe("CASE 1.1 package", () => {
  it("validates against the official CFPackage schema, formats included", () => {
    const { doc } = makeExportDocument();
    expectValid(buildCasePackage(doc));
    expectValid(buildCasePackage({ ...doc, version: 2, status: "PUBLISHED", publishedAt: "2026-04-01T12:00:00+05:30" }));
    expectValid(buildCasePackage({ ...doc, nodes: [], links: [] }));
  });

  it("the schema really rejects a broken package", () => {
    const pkg = buildCasePackage(makeExportDocument().doc) as unknown as { CFItems: Record<string, unknown>[] };
    pkg.CFItems[0].identifier = "not-a-uuid";
    pkg.CFItems[1].colour = "red";
    expect(validate(pkg)).toBe(false);
    expect(validate.errors!.map((e) => e.keyword).sort()).toEqual(["additionalProperties", "format"]);
  });

  it("has a CFDocument for the version: stable id from MDO code and version, Draft or Adopted", () => {
    const { doc } = makeExportDocument();
    const draft = buildCasePackage(doc).CFDocument;
    expect(draft).toMatchObject({
      identifier: caseIds.document("DOE", null),
      uri: `${CASE_DEFAULT_BASE_URI}/ims/case/v1p1/CFDocuments/${caseIds.document("DOE", null)}`,
      caseVersion: "1.1",
      creator: "Department of Expenditure",
      adoptionStatus: "Draft",
      version: "draft",
      lastChangeDateTime: "2026-03-03T10:00:00+05:30",
      extensions: { mdoCode: "DOE", frameworkStatus: "DRAFT", revision: 7, schemaVersion: "1.0" },
    });
    expect(draft.title).toContain("(draft)");
    const published = buildCasePackage({ ...doc, version: 2, status: "PUBLISHED", publishedAt: "2026-04-01T12:00:00+05:30" }).CFDocument;
    expect(published).toMatchObject({ adoptionStatus: "Adopted", version: "2", statusStartDate: "2026-04-01", lastChangeDateTime: "2026-04-01T12:00:00+05:30" });
    expect(published.identifier).not.toBe(draft.identifier);
    expect(caseIds.document("doe", 2)).toBe(published.identifier);
  });

  it("makes every node a CFItem with the node's UUID and its kind as CFItemType", () => {
    const { doc, n } = makeExportDocument();
    const pkg = buildCasePackage(doc);
    expect(pkg.CFItems.map((i) => i.identifier)).toEqual(doc.nodes.map((node) => node.id));
    const types = pkg.CFDefinitions.CFItemTypes;
    expect(types.map((t) => t.title)).toEqual(["Position", "Role", "Activity", "Competency", "Knowledge resource"]);
    for (const item of pkg.CFItems) {
      const type = types.find((t) => t.title === item.CFItemType)!;
      expect(item.CFItemTypeURI).toEqual({ title: type.title, identifier: type.identifier, uri: type.uri });
    }
    expect(itemTypeOf(pkg, n.us.id)).toBe("Position");
    expect(itemTypeOf(pkg, n.gfr.id)).toBe("Knowledge resource");
    const finance = pkg.CFItems.find((i) => i.identifier === n.finance.id)!;
    expect(finance).toMatchObject({
      fullStatement: "Financial Management",
      abbreviatedStatement: "Financial Management",
      humanCodingScheme: "FUN-060",
      CFItemType: "Competency",
      language: "en",
      lastChangeDateTime: "2026-03-03T10:00:00+05:30",
      extensions: { competencyType: "Functional", theme: "Finance" },
    });
    expect(finance).not.toHaveProperty("educationLevel");
    expect(pkg.CFItems.find((i) => i.identifier === n.us.id)).toMatchObject({
      notes: "Heads the budget section.\nReports to the Director.",
      // Hindi travels in extensions: a CFItem has one `language`, and its text fields hold that language.
      extensions: { nameHi: "अवर सचिव (बजट)", descriptionHi: "बजट अनुभाग का प्रमुख।\nनिदेशक को रिपोर्ट करता है।" },
    });
    expect(pkg.CFItems.find((i) => i.identifier === n.manual.id)?.extensions).toEqual({ url: "https://dea.gov.in/budget-manual", resourceType: "Manual" });
  });

  it("makes every link an isChildOf association (child → parent) with the link's UUID and its place among siblings", () => {
    const { doc, n } = makeExportDocument();
    const pkg = buildCasePackage(doc);
    const byId = new Map(pkg.CFAssociations.map((a) => [a.identifier, a]));
    for (const link of doc.links) {
      const association = byId.get(link.id)!;
      expect(association.associationType).toBe("isChildOf");
      expect(association.originNodeURI.identifier).toBe(link.to);
      expect(association.destinationNodeURI.identifier).toBe(link.from);
      expect(association.extensions).toMatchObject({ linkKind: link.kind });
    }
    const budgetChildren = pkg.CFAssociations.filter((a) => a.associationType === "isChildOf" && a.destinationNodeURI.identifier === n.budget.id);
    expect(budgetChildren.map((a) => [a.originNodeURI.title, a.sequenceNumber])).toEqual([
      ["Draft the cabinet note", 1],
      ["Consolidate demands for grants", 2],
      ["Integrity", 3],
    ]);
  });

  it("puts the nodes no link points to under the CFDocument", () => {
    const { doc, n } = makeExportDocument();
    const pkg = buildCasePackage(doc);
    const roots = pkg.CFAssociations.filter((a) => a.destinationNodeURI.identifier === pkg.CFDocument.identifier);
    expect(roots.map((a) => a.originNodeURI.identifier)).toEqual([n.us.id, n.so.id, n.idle.id, n.orphanRole.id, n.orphanActivity.id]);
    expect(roots.map((a) => a.sequenceNumber)).toEqual([1, 2, 3, 4, 5]);
    expect(roots.every((a) => a.associationType === "isChildOf" && a.identifier === caseIds.rootAssociation(a.originNodeURI.identifier))).toBe(true);
    // Every item is reachable: each is the origin of some isChildOf association.
    const children = new Set(pkg.CFAssociations.filter((a) => a.associationType === "isChildOf").map((a) => a.originNodeURI.identifier));
    expect(pkg.CFItems.every((i) => children.has(i.identifier))).toBe(true);
  });

  it("carries each proficiency scale as a rubric: score = level, quality = name, description = descriptor", () => {
    const { doc, n } = makeExportDocument();
    const pkg = buildCasePackage(doc);
    expect(pkg.CFRubrics.map((r) => r.CFRubricCriteria[0].CFItemURI.identifier)).toEqual([n.finance.id, n.integrity.id, n.drafting.id]);
    const integrity = pkg.CFRubrics[1];
    expect(integrity.identifier).toBe(caseIds.rubric(n.integrity.id));
    const criterion = integrity.CFRubricCriteria[0];
    expect(criterion).toMatchObject({ category: "Behavioural", rubricId: integrity.identifier, position: 1 });
    expect(criterion.CFRubricCriterionLevels.map((l) => [l.score, l.quality, l.position])).toEqual([
      [1, "Basic", 1],
      [2, "Proficient", 2],
      [3, "Advanced", 3],
    ]);
    expect(criterion.CFRubricCriterionLevels[0].description).toBe(n.integrity.scale.levels[0].descriptor);
    expect(criterion.CFRubricCriterionLevels.every((l) => l.rubricCriterionId === criterion.identifier)).toBe(true);
  });

  it("carries a required level on the requirement association and as hasSkillLevel to the rubric's level", () => {
    const { doc, n } = makeExportDocument();
    const pkg = buildCasePackage(doc);
    const link = doc.links.find((l) => l.from === n.consolidate.id && l.to === n.finance.id)!;
    const requirement = pkg.CFAssociations.find((a) => a.identifier === link.id)!;
    expect(requirement.extensions).toEqual({ importance: "essential", linkKind: "activity_competency", requiredLevel: 4, requiredLevelName: "Expert" });
    const skill = pkg.CFAssociations.find((a) => a.identifier === caseIds.skillLevelAssociation(link.id))!;
    expect(skill).toMatchObject({
      associationType: "hasSkillLevel",
      sequenceNumber: requirement.sequenceNumber,
      originNodeURI: { identifier: n.consolidate.id },
      destinationNodeURI: { identifier: caseIds.criterionLevel(n.finance.id, 4), title: "Financial Management: 4 Expert", targetType: "CASE" },
      extensions: { requirementAssociation: link.id },
    });
    // The level it points to exists in the competency's rubric, with score 4.
    const levels = pkg.CFRubrics.flatMap((r) => r.CFRubricCriteria.flatMap((c) => c.CFRubricCriterionLevels));
    expect(levels.find((l) => l.identifier === skill.destinationNodeURI.identifier)).toMatchObject({ score: 4, quality: "Expert" });
    // A role's own requirement works the same way.
    const roleLink = doc.links.find((l) => l.from === n.budget.id && l.to === n.integrity.id)!;
    expect(pkg.CFAssociations.find((a) => a.identifier === caseIds.skillLevelAssociation(roleLink.id))?.originNodeURI.identifier).toBe(n.budget.id);
    // One hasSkillLevel per requirement link, none for other links.
    const requirements = doc.links.filter((l) => l.level !== undefined);
    expect(pkg.CFAssociations.filter((a) => a.associationType === "hasSkillLevel")).toHaveLength(requirements.length);
    expect(pkg.CFAssociations).toHaveLength(doc.links.length + requirements.length + 5);
  });

  it("keeps every identifier across versions and exports; uses the given base URI", () => {
    const { doc } = makeExportDocument();
    const a = buildCasePackage(doc);
    const b = buildCasePackage({ ...doc, version: 1, status: "PUBLISHED", publishedAt: "2026-04-01T00:00:00Z" }, { baseUri: "https://frac.example.gov.in/" });
    const ids = (p: CFPackage) => [...p.CFItems.map((i) => i.identifier), ...p.CFAssociations.filter((x) => x.destinationNodeURI.identifier !== p.CFDocument.identifier).map((x) => x.identifier), ...p.CFRubrics.map((r) => r.identifier)];
    expect(ids(b)).toEqual(ids(a));
    expect(b.CFItems[0].uri).toBe(`https://frac.example.gov.in/ims/case/v1p1/CFItems/${doc.nodes[0].id}`);
    expect(JSON.stringify(buildCasePackage(doc))).toBe(JSON.stringify(a));
  });

  it("streams exactly JSON.stringify of the package, compact and indented", () => {
    const { doc } = makeExportDocument();
    for (const space of [0, 2]) {
      expect([...caseChunks(doc, { space })].join("")).toBe(JSON.stringify(buildCasePackage(doc), null, space));
    }
    const empty: FracDocument = { ...doc, nodes: [], links: [] };
    expect([...caseChunks(empty, { space: 2 })].join("")).toBe(JSON.stringify(buildCasePackage(empty), null, 2));
  });
});
