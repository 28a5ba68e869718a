import { describe, expect, it } from "vitest";
import { FINDING_CODES, summarizeFindings, validateFracDocument } from "@schemas/validator";
import { makeActivity, makeCompetency, makeFracDocument, makeLink, makeRole, nodeOf, withExtra } from "./doc-factory";

// A document with several problems of each severity, in a deliberately scrambled order.
function troubledDocument() {
  const doc = makeFracDocument();
  const zeta = makeRole({ name: "Zeta liaison" });
  const alpha = makeRole({ name: "Alpha liaison" });
  const lonelyActivity = makeActivity({ name: "Mid activity" });
  const orphanCompetency = makeCompetency({ name: "Orphan competency" });
  delete doc.links[2].level; // level_missing
  const position = nodeOf(doc, "position");
  const links = [makeLink(position, zeta), makeLink(position, alpha), makeLink(alpha, lonelyActivity)];
  return withExtra(doc, [orphanCompetency, zeta, lonelyActivity, alpha], links);
}

describe("finding order", () => {
  it("lists errors first, then by code, then by node name", () => {
    const findings = validateFracDocument(troubledDocument());
    expect(findings.map((f) => [f.severity, f.code])).toEqual([
      ["error", "level_missing"],
      ["warning", "activity_without_competency"],
      ["warning", "role_without_activity"],
      ["warning", "unused_node"],
    ]);
  });

  it("orders findings of one code by node name, whatever the order of the nodes", () => {
    const doc = makeFracDocument();
    const position = nodeOf(doc, "position");
    const roles = ["Zeta", "alpha", "Mu"].map((name) => makeRole({ name }));
    const findings = validateFracDocument(withExtra(doc, roles, roles.map((r) => makeLink(position, r))));
    expect(findings.map((f) => f.message)).toEqual([
      'Role "alpha" has no activity.',
      'Role "Mu" has no activity.',
      'Role "Zeta" has no activity.',
    ]);
  });

  it("gives the same result for the same document every time", () => {
    const doc = troubledDocument();
    expect(validateFracDocument(doc)).toEqual(validateFracDocument(structuredClone(doc)));
  });

  it("turns the missing-children warnings into errors in submit mode, and only those", () => {
    const submit = validateFracDocument(troubledDocument(), { mode: "submit" });
    expect(submit.map((f) => [f.severity, f.code])).toEqual([
      ["error", "activity_without_competency"],
      ["error", "level_missing"],
      ["error", "role_without_activity"],
      ["warning", "unused_node"],
    ]);
  });
});

describe("summarizeFindings", () => {
  it("counts errors and warnings", () => {
    expect(summarizeFindings(validateFracDocument(troubledDocument()))).toEqual({ errors: 1, warnings: 3 });
    expect(summarizeFindings(validateFracDocument(troubledDocument(), { mode: "submit" }))).toEqual({
      errors: 3,
      warnings: 1,
    });
    expect(summarizeFindings([])).toEqual({ errors: 0, warnings: 0 });
  });
});

describe("FINDING_CODES", () => {
  it("lists each code once, sorted, including every rule of the validator", () => {
    expect(new Set(FINDING_CODES).size).toBe(FINDING_CODES.length);
    expect([...FINDING_CODES].sort()).toEqual([...FINDING_CODES]);
    expect(FINDING_CODES).toHaveLength(18);
  });
});
