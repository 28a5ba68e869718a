import { describe, expect, it } from "vitest";
import { defaultScale } from "@schemas/scale";
import { validateFracDocument, type Finding } from "@schemas/validator";
import {
  makeActivity,
  makeCompetency,
  makeFracDocument,
  makeLink,
  makePosition,
  makeResource,
  makeRole,
  nodeOf,
  uuid,
  withExtra,
} from "./doc-factory";

const withCode = (findings: Finding[], code: Finding["code"]) => findings.filter((f) => f.code === code);

describe("a valid document", () => {
  it("has no findings in draft or submit mode", () => {
    const doc = makeFracDocument();
    expect(validateFracDocument(doc)).toEqual([]);
    expect(validateFracDocument(doc, { mode: "submit" })).toEqual([]);
  });

  it("has no findings with resources and a role → competency requirement", () => {
    const doc = makeFracDocument();
    const resource = makeResource();
    const links = [
      makeLink(nodeOf(doc, "activity"), resource),
      makeLink(nodeOf(doc, "role"), nodeOf(doc, "competency"), { level: 5 }),
    ];
    expect(validateFracDocument(withExtra(doc, [resource], links))).toEqual([]);
  });
});

describe("dangling_link", () => {
  it("reports a link whose child does not exist, naming the parent", () => {
    const doc = makeFracDocument();
    const missing = uuid();
    const link = { ...makeLink(nodeOf(doc, "position"), nodeOf(doc, "role")), to: missing };
    const findings = withCode(validateFracDocument(withExtra(doc, [], [link])), "dangling_link");
    expect(findings).toEqual([
      {
        severity: "error",
        code: "dangling_link",
        linkId: link.id,
        message: `The link from Position "Under Secretary, Budget Division" to a missing node (id ${missing}) refers to a node that is not in the framework. Remove the link or add the node.`,
      },
    ]);
  });

  it("reports a link whose parent does not exist", () => {
    const doc = makeFracDocument();
    const link = { ...makeLink(nodeOf(doc, "role"), nodeOf(doc, "activity")), from: uuid() };
    expect(withCode(validateFracDocument(withExtra(doc, [], [link])), "dangling_link")).toHaveLength(1);
  });
});

describe("wrong_link_kind", () => {
  it("explains which kinds a role may be linked to", () => {
    const doc = makeFracDocument();
    const position = nodeOf(doc, "position");
    const role = nodeOf(doc, "role");
    const link = { id: uuid(), from: role.id, to: position.id, kind: "position_role" as const };
    const [finding] = withCode(validateFracDocument(withExtra(doc, [], [link])), "wrong_link_kind");
    expect(finding).toMatchObject({ severity: "error", linkId: link.id });
    expect(finding.message).toBe(
      'Role "Budget preparation" cannot be linked to Position "Under Secretary, Budget Division". A role can be linked to activities and competencies, not to a position.',
    );
  });

  it("tells a competency cannot be linked to anything, and what links to it", () => {
    const doc = makeFracDocument();
    const link = {
      id: uuid(),
      from: nodeOf(doc, "competency").id,
      to: nodeOf(doc, "activity").id,
      kind: "activity_competency" as const,
      level: 1,
    };
    const [finding] = withCode(validateFracDocument(withExtra(doc, [], [link])), "wrong_link_kind");
    expect(finding.message).toContain("A competency cannot be linked to anything; link an activity or a role to it instead.");
  });

  it("names the right kind when the nodes fit but the link kind is mislabelled", () => {
    const doc = makeFracDocument();
    const link = makeLink(nodeOf(doc, "role"), nodeOf(doc, "competency"), { kind: "role_activity" });
    const [finding] = withCode(validateFracDocument(withExtra(doc, [], [link])), "wrong_link_kind");
    expect(finding.message).toBe(
      'The link from Role "Budget preparation" to Competency "Financial Management" is marked "Role → Activity" but joins a role to a competency; it should be "Role → Competency".',
    );
  });

  it("uses the right article for an activity", () => {
    const doc = makeFracDocument();
    const link = makeLink(nodeOf(doc, "activity"), nodeOf(doc, "competency"), { kind: "role_competency" });
    const [finding] = validateFracDocument(withExtra(doc, [], [link])).filter((f) => f.code === "wrong_link_kind");
    expect(finding.message).toContain('but joins an activity to a competency; it should be "Activity → Competency".');
  });

  it("does not also report level findings for a link of the wrong kind", () => {
    const doc = makeFracDocument();
    const link = makeLink(nodeOf(doc, "position"), nodeOf(doc, "role"), { kind: "activity_competency" });
    const codes = validateFracDocument(withExtra(doc, [], [link])).map((f) => f.code);
    expect(codes).toContain("wrong_link_kind");
    expect(codes).not.toContain("level_missing");
  });
});

describe("required levels", () => {
  it("level_missing: a competency link must carry a level, and the message offers the scale", () => {
    const doc = makeFracDocument();
    delete doc.links[2].level;
    const findings = validateFracDocument(doc);
    expect(findings).toEqual([
      {
        severity: "error",
        code: "level_missing",
        linkId: doc.links[2].id,
        message:
          'The link from Activity "Consolidate demands for grants" to Competency "Financial Management" has no required level. Choose one of levels 1–5 (Basic, Proficient, Advanced, Expert, Ustad).',
      },
    ]);
  });

  it("level_not_allowed: a role → activity link cannot carry a level", () => {
    const doc = makeFracDocument();
    doc.links[1].level = 3;
    const findings = validateFracDocument(doc);
    expect(findings.map((f) => f.code)).toEqual(["level_not_allowed"]);
    expect(findings[0].message).toContain("has a level (3), but only links to a competency carry a required level.");
  });

  it("level_out_of_scale: the level must exist on the competency's own scale", () => {
    const doc = makeFracDocument();
    nodeOf(doc, "competency").scale = defaultScale(3);
    doc.links[2].level = 4;
    const findings = validateFracDocument(doc);
    expect(findings.map((f) => f.code)).toEqual(["level_out_of_scale"]);
    expect(findings[0].message).toBe(
      'The link from Activity "Consolidate demands for grants" to Competency "Financial Management" requires level 4, but Competency "Financial Management" has levels 1–3 (Basic, Proficient, Advanced).',
    );
  });

  it("accepts every level a 4-level scale has", () => {
    const doc = makeFracDocument();
    nodeOf(doc, "competency").scale = defaultScale(4);
    doc.links[2].level = 4;
    expect(validateFracDocument(doc)).toEqual([]);
  });
});

describe("duplicate_link", () => {
  it("reports the second link between the same two nodes", () => {
    const doc = makeFracDocument();
    const again = makeLink(nodeOf(doc, "role"), nodeOf(doc, "activity"));
    const findings = validateFracDocument(withExtra(doc, [], [again]));
    expect(findings).toEqual([
      {
        severity: "error",
        code: "duplicate_link",
        linkId: again.id,
        message:
          'Role "Budget preparation" is linked to Activity "Consolidate demands for grants" more than once. Remove the extra link.',
      },
    ]);
  });

  it("does not confuse two parents sharing a child with a duplicate", () => {
    const doc = makeFracDocument();
    const role = nodeOf(doc, "role");
    const secondPosition = makePosition({ name: "Deputy Secretary, Budget Division" });
    const secondRole = makeRole({ name: "Expenditure review" });
    const activity = makeActivity({ name: "Review savings" });
    const competency = makeCompetency({ name: "Public Procurement" });
    const links = [
      makeLink(secondPosition, role),
      makeLink(secondPosition, secondRole),
      makeLink(secondRole, activity),
      makeLink(activity, competency),
    ];
    expect(validateFracDocument(withExtra(doc, [secondPosition, secondRole, activity, competency], links))).toEqual(
      [],
    );
  });
});
