import { describe, expect, it } from "vitest";
import { validateFracDocument } from "@schemas/validator";
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

describe("missing children", () => {
  it("position_without_role: a warning while drafting, an error on submit", () => {
    const position = makePosition({ name: "Section Officer" });
    const doc = withExtra(makeFracDocument(), [position]);
    const expected = {
      code: "position_without_role",
      nodeId: position.id,
      message: 'Position "Section Officer" has no role.',
      params: { kind: "position", name: "Section Officer" },
    };
    expect(validateFracDocument(doc)).toEqual([{ severity: "warning", ...expected }]);
    expect(validateFracDocument(doc, { mode: "submit" })).toEqual([{ severity: "error", ...expected }]);
  });

  it("role_without_activity: names the role", () => {
    const doc = makeFracDocument();
    doc.links = doc.links.filter((l) => l.kind !== "role_activity");
    const codes = validateFracDocument(doc, { mode: "submit" }).map((f) => [f.severity, f.code, f.message]);
    expect(codes).toContainEqual(["error", "role_without_activity", 'Role "Budget preparation" has no activity.']);
  });

  it("activity_without_competency: a role → competency link does not satisfy it", () => {
    const doc = makeFracDocument();
    doc.links = doc.links.filter((l) => l.kind !== "activity_competency");
    doc.links.push(makeLink(nodeOf(doc, "role"), nodeOf(doc, "competency")));
    const findings = validateFracDocument(doc);
    expect(findings).toEqual([
      {
        severity: "warning",
        code: "activity_without_competency",
        nodeId: nodeOf(doc, "activity").id,
        message: 'Activity "Consolidate demands for grants" has no competency.',
        params: { kind: "activity", name: "Consolidate demands for grants" },
      },
    ]);
  });

  it("does not count a link of the wrong kind as a child", () => {
    const doc = makeFracDocument();
    doc.links[0] = { ...doc.links[0], kind: "role_activity" };
    const codes = validateFracDocument(doc).map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(["wrong_link_kind", "position_without_role", "unused_node"]));
  });
});

describe("unused_node", () => {
  it("reports a role, an activity, a competency and a resource that nothing links to", () => {
    const role = makeRole({ name: "Audit liaison" });
    const activity = makeActivity({ name: "Reply to audit paras" });
    const competency = makeCompetency({ name: "Noting and drafting", competencyType: "Domain" });
    const resource = makeResource({ name: "Manual of Office Procedure" });
    const links = [makeLink(role, activity), makeLink(activity, competency)];
    const doc = withExtra(makeFracDocument(), [role, activity, competency, resource], links);
    const unused = validateFracDocument(doc).filter((f) => f.code === "unused_node");
    expect(unused.map((f) => [f.severity, f.nodeId, f.message])).toEqual([
      ["warning", role.id, 'Role "Audit liaison" is not linked to any position.'],
      ["warning", resource.id, 'Knowledge resource "Manual of Office Procedure" is not linked to any position or activity.'],
    ]);
  });

  it("reports an orphan competency with the kinds that may link to it", () => {
    const competency = makeCompetency({ name: "Customs valuation", competencyType: "Domain" });
    const [finding] = validateFracDocument(withExtra(makeFracDocument(), [competency]));
    expect(finding.message).toBe('Competency "Customs valuation" is not linked to any activity or role.');
  });

  it("never reports a position, which is a root", () => {
    const doc = makeFracDocument();
    expect(validateFracDocument(doc).some((f) => f.code === "unused_node")).toBe(false);
  });

  it("treats a KCM theme as used when one of its used sub-themes points at it", () => {
    const doc = makeFracDocument();
    const theme = makeCompetency({ name: "Financial Management (theme)" });
    nodeOf(doc, "competency").parentId = theme.id;
    nodeOf(doc, "competency").theme = theme.name;
    expect(validateFracDocument(withExtra(doc, [theme]))).toEqual([]);
  });

  it("counts a parent only through a valid link", () => {
    const doc = makeFracDocument();
    const role = makeRole({ name: "Parliament questions" });
    // A dangling link to the role does not make it used.
    const dangling = { id: uuid(), from: uuid(), to: role.id, kind: "position_role" as const };
    const codes = validateFracDocument(withExtra(doc, [role], [dangling])).map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(["dangling_link", "unused_node", "role_without_activity"]));
  });
});
