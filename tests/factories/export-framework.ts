/**
 * Test data for export/: a small framework with every shape the exporters must handle (a role
 * shared by two positions, a role's own requirement, childless nodes at each level, nodes no
 * one links to, knowledge resources, Hindi names, multi-line and formula-like text), plus the
 * draft snapshot and dictionary the importer's plan needs to read an export back.
 */
import type { CompetencyNode, FracDocument, FracNode } from "@schemas/frac-document";
import { defaultScale } from "@schemas/scale";
import type { DictionaryCompetency, ExistingSnapshot } from "@import/plan-types";
import {
  makeActivity,
  makeCompetency,
  makeLink,
  makePosition,
  makeResource,
  makeRole,
} from "../unit/schemas/doc-factory";

const at = (day: number) => `2026-03-${String(day).padStart(2, "0")}T10:00:00+05:30`;

/** The framework, with its nodes by a short name for assertions. */
export function makeExportDocument(overrides: Partial<FracDocument> = {}) {
  const n = {
    us: makePosition({ name: "Under Secretary, Budget", nameHi: "अवर सचिव (बजट)", description: "Heads the budget section.\nReports to the Director.", descriptionHi: "बजट अनुभाग का प्रमुख।\nनिदेशक को रिपोर्ट करता है।", sanctionedPosts: 12, createdAt: at(1), updatedAt: at(2) }),
    so: makePosition({ name: "Section Officer", createdAt: at(1) }),
    idle: makePosition({ name: "Consultant (vacant)" }),
    budget: makeRole({ name: "Budget preparation", description: 'Prepares the "demands", estimates, and notes' }),
    review: makeRole({ name: "Review, and sign-off", nameHi: "समीक्षा" }),
    empty: makeRole({ name: "Liaison" }),
    orphanRole: makeRole({ name: "Parliament questions" }),
    consolidate: makeActivity({ name: "Consolidate demands for grants", nameHi: "अनुदान माँगों का समेकन", descriptionHi: "प्रभागों के अनुमानों को संकलित करना" }),
    draftNote: makeActivity({ name: "Draft the cabinet note" }),
    orphanActivity: makeActivity({ name: "=SUM(A1)" }),
    finance: makeCompetency({ name: "Financial Management", code: "FUN-060", theme: "Finance", competencyType: "Functional", updatedAt: at(3) }),
    integrity: makeCompetency({ name: "Integrity", competencyType: "Behavioural", code: "BEH-010", scale: defaultScale(3) }),
    drafting: makeCompetency({ name: "Noting & drafting", competencyType: "Domain", mdoCode: "DOE", description: "Writes notes.", descriptionHi: "टिप्पण लिखता है।" }),
    gfr: makeResource({ name: "General Financial Rules, 2017" }),
    manual: makeResource({ name: "Budget manual", url: "https://dea.gov.in/budget-manual", resourceType: "Manual" }),
  };
  const links = [
    makeLink(n.us, n.budget, { order: 0 }),
    makeLink(n.us, n.review, { order: 1 }),
    makeLink(n.us, n.gfr, { order: 2 }),
    // Shared: the Section Officer also plays the budget role, listed second although linked first here.
    makeLink(n.so, n.review, { order: 0 }),
    makeLink(n.so, n.budget, { order: 1 }),
    makeLink(n.so, n.empty, { order: 2 }),
    // Link order, not document order: "Draft the cabinet note" comes first.
    makeLink(n.budget, n.consolidate, { order: 1 }),
    makeLink(n.budget, n.draftNote, { order: 0 }),
    makeLink(n.budget, n.integrity, { order: 2, level: 3, importance: "desirable" }),
    makeLink(n.consolidate, n.finance, { order: 0, level: 4 }),
    makeLink(n.consolidate, n.drafting, { order: 1, level: 2 }),
    makeLink(n.consolidate, n.manual, { order: 2 }),
    makeLink(n.review, n.draftNote, { order: 0 }),
  ];
  const doc: FracDocument = {
    schemaVersion: "1.0",
    mdo: { code: "DOE", name: "Department of Expenditure" },
    version: null,
    status: "DRAFT",
    revision: 7,
    publishedAt: null,
    nodes: Object.values(n),
    links,
    ...overrides,
  };
  return { doc, n };
}

/** The document as the importer's view of the ministry's current draft. */
export function snapshotOf(doc: FracDocument): ExistingSnapshot {
  return {
    nodes: doc.nodes.flatMap((node) =>
      node.kind === "competency"
        ? []
        : [
            {
              id: node.id,
              kind: node.kind,
              name: node.name,
              description: node.description ?? null,
              nameHi: node.nameHi ?? null,
              descriptionHi: node.descriptionHi ?? null,
              sanctionedPosts: node.kind === "position" ? (node.sanctionedPosts ?? null) : null,
            },
          ],
    ),
    links: doc.links.map((l) => ({ id: l.id, kind: l.kind, from: l.from, to: l.to, level: l.level ?? null, importance: l.importance ?? null })),
  };
}

/** The document's competencies as the dictionary the importer matches against. */
export function dictionaryOf(doc: FracDocument): DictionaryCompetency[] {
  return doc.nodes.filter(isCompetency).map((c) => ({
    id: c.id,
    name: c.name,
    type: c.competencyType,
    theme: c.theme ?? null,
    parentId: c.parentId ?? null,
    scale: c.scale,
    mdoCode: c.mdoCode ?? null,
    description: c.description ?? null,
    nameHi: c.nameHi ?? null,
    descriptionHi: c.descriptionHi ?? null,
  }));
}

const isCompetency = (node: FracNode): node is CompetencyNode => node.kind === "competency";

/** A generated framework of about `positions * 20` nodes, for timing: positions → roles → activities → competencies. */
export function makeLargeDocument(positions: number): FracDocument {
  const nodes: FracNode[] = [];
  const links: FracDocument["links"] = [];
  const competencies = Array.from({ length: Math.max(10, positions) }, (_, i) =>
    makeCompetency({ name: `Competency ${i} सक्षमता`, description: "A competency. ".repeat(10) }),
  );
  nodes.push(...competencies);
  for (let p = 0; p < positions; p++) {
    const position = makePosition({ name: `Position ${p}`, description: "Does things. ".repeat(15) });
    nodes.push(position);
    for (let r = 0; r < 3; r++) {
      const role = makeRole({ name: `Role ${p}.${r}`, nameHi: `भूमिका ${p}.${r}` });
      nodes.push(role);
      links.push(makeLink(position, role, { order: r }));
      for (let a = 0; a < 5; a++) {
        const activity = makeActivity({ name: `Activity ${p}.${r}.${a}`, description: "Performs a task, carefully." });
        nodes.push(activity);
        links.push(makeLink(role, activity, { order: a }));
        for (let c = 0; c < 3; c++) {
          const competency = competencies[(p * 7 + r * 3 + a + c) % competencies.length];
          links.push(makeLink(activity, competency, { order: c, level: 1 + ((a + c) % 5) }));
        }
      }
    }
  }
  return { schemaVersion: "1.0", mdo: { code: "BIG", name: "Big Ministry" }, version: null, status: "DRAFT", nodes, links };
}
