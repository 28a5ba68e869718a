import { describe, expect, it } from "vitest";
import { validateFracDocument } from "@schemas/validator";
import { makeActivity, makeCompetency, makeFracDocument, makeLink, nodeOf, withExtra } from "./doc-factory";

function unrated(doc: ReturnType<typeof makeFracDocument>) {
  return validateFracDocument(doc, { mode: "submit" }).filter((f) => f.code === "unrated_requirements");
}

describe("unrated_requirements", () => {
  it("is a single warning on submit naming how many of the requirements are unrated, pointing at the first", () => {
    const doc = makeFracDocument();
    const role = nodeOf(doc, "role");
    const [a, b] = [makeActivity({ name: "Audit" }), makeActivity({ name: "Brief" })];
    const competency = nodeOf(doc, "competency");
    const first = makeLink(a, competency, { importance: undefined });
    const extra = [makeLink(role, a), makeLink(role, b), first, makeLink(b, competency, { importance: undefined })];
    const findings = unrated(withExtra(doc, [a, b], extra));
    expect(findings).toEqual([
      {
        severity: "warning",
        code: "unrated_requirements",
        linkId: first.id,
        message:
          "2 of 3 requirements have no importance (essential, important or desirable); rate them so that the ministry's capacity building plan can set priorities.",
      },
    ]);
  });

  it("says 'none' when no requirement is rated, and never makes the document invalid", () => {
    const doc = makeFracDocument();
    delete doc.links[2].importance;
    const findings = validateFracDocument(doc, { mode: "submit" });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", code: "unrated_requirements" });
    expect(findings[0].message).toMatch(/^None of the 1 requirements has an importance/);
  });

  it("is silent while drafting, and applies to a framework already under review", () => {
    const doc = makeFracDocument();
    delete doc.links[2].importance;
    expect(validateFracDocument(doc)).toEqual([]);
    expect(validateFracDocument({ ...doc, status: "UNVERIFIED" }).map((f) => f.code)).toEqual(["unrated_requirements"]);
    expect(validateFracDocument({ ...doc, status: "VERIFIED" }).map((f) => f.code)).toEqual(["unrated_requirements"]);
  });

  it("is silent on submit when every requirement is rated", () => {
    const doc = makeFracDocument();
    const competency = makeCompetency({ name: "Second" });
    const activity = nodeOf(doc, "activity");
    expect(unrated(withExtra(doc, [competency], [makeLink(activity, competency, { importance: "desirable" })]))).toEqual([]);
  });
});
