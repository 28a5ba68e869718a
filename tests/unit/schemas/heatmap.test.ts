// The heat map of a small framework, written out by hand (levels in brackets):
//   Under Secretary ── Budget [Finance 2] ── Consolidate [Finance 3, Drafting 2]
//   Section Officer ── Records ── File [Drafting 4]
//   Consultant (no roles)
// Columns: the competencies some position needs, Behavioural before Functional before Domain, then
// by name (Integrity is needed by no one, so it has no column). Cells: the highest level of the paths.
import { describe, expect, it } from "vitest";
import { heatMapOf } from "@schemas/heatmap";
import type { FracDocument } from "@schemas/frac-document";
import { makeActivity, makeCompetency, makeFracDocument, makeLink, makePosition, makeRole } from "./doc-factory";

function smallFramework() {
  const n = {
    us: makePosition({ name: "Under Secretary", nameHi: "अवर सचिव" }),
    so: makePosition({ name: "Section Officer" }),
    consultant: makePosition({ name: "Consultant" }),
    budget: makeRole({ name: "Budget" }),
    records: makeRole({ name: "Records" }),
    consolidate: makeActivity({ name: "Consolidate" }),
    file: makeActivity({ name: "File" }),
    finance: makeCompetency({ name: "Finance", code: "FUN-060", competencyType: "Functional" }),
    drafting: makeCompetency({ name: "Drafting", nameHi: "प्रारूपण", competencyType: "Domain" }),
    integrity: makeCompetency({ name: "Integrity", competencyType: "Behavioural" }),
  };
  const links = [
    makeLink(n.us, n.budget),
    makeLink(n.so, n.records),
    makeLink(n.budget, n.consolidate),
    makeLink(n.records, n.file),
    makeLink(n.budget, n.finance, { level: 2 }),
    makeLink(n.consolidate, n.finance, { level: 3 }),
    makeLink(n.consolidate, n.drafting, { level: 2 }),
    makeLink(n.file, n.drafting, { level: 4 }),
  ];
  const doc: FracDocument = { ...makeFracDocument(), nodes: Object.values(n), links };
  return { doc, n };
}

describe("heatMapOf", () => {
  it("has a row per position in document order and a column per needed competency, each cell the highest level of its paths", () => {
    const { doc, n } = smallFramework();
    const map = heatMapOf(doc);
    expect(map.columns).toEqual([
      { id: n.finance.id, code: "FUN-060", name: "Finance", nameHi: null, type: "Functional" },
      { id: n.drafting.id, code: null, name: "Drafting", nameHi: "प्रारूपण", type: "Domain" },
    ]);
    expect(map.rows).toEqual([
      { id: n.us.id, name: "Under Secretary", nameHi: "अवर सचिव", levels: "32" },
      { id: n.so.id, name: "Section Officer", nameHi: null, levels: "04" },
      { id: n.consultant.id, name: "Consultant", nameHi: null, levels: "00" },
    ]);
  });

  it("is empty of columns when no position needs a competency", () => {
    const doc: FracDocument = { ...makeFracDocument(), nodes: [makePosition(), makeCompetency()], links: [] };
    expect(heatMapOf(doc).columns).toEqual([]);
    expect(heatMapOf(doc).rows.map((r) => r.levels)).toEqual([""]);
  });
});
