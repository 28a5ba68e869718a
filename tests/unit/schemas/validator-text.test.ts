import { describe, expect, it } from "vitest";
import { LIMITS } from "@schemas/limits";
import { validateFracDocument, type Finding } from "@schemas/validator";
import { makeCompetency, makeFracDocument, makeLink, makeResource, makeRole, nodeOf, withExtra } from "./doc-factory";

const only = (findings: Finding[], code: Finding["code"]) => findings.filter((f) => f.code === code);

describe("text_too_long", () => {
  it("names the field, the node, the length and the limit", () => {
    const doc = makeFracDocument();
    const role = nodeOf(doc, "role");
    role.description = "d".repeat(LIMITS.DESCRIPTION_MAX + 12);
    expect(validateFracDocument(doc)).toEqual([
      {
        severity: "error",
        code: "text_too_long",
        nodeId: role.id,
        message: 'The description of Role "Budget preparation" is 5,012 characters long; the limit is 5,000.',
      },
    ]);
  });

  it("accepts text exactly at the limit", () => {
    const doc = makeFracDocument();
    nodeOf(doc, "role").name = "n".repeat(LIMITS.NAME_MAX);
    nodeOf(doc, "role").nameHi = "न".repeat(LIMITS.NAME_HI_MAX);
    nodeOf(doc, "role").source = "s".repeat(LIMITS.SOURCE_MAX);
    expect(validateFracDocument(doc)).toEqual([]);
  });

  it("checks name, Hindi name, source, url, code and level descriptors", () => {
    const doc = makeFracDocument();
    const role = nodeOf(doc, "role");
    role.name = "r".repeat(LIMITS.NAME_MAX + 1);
    role.nameHi = "न".repeat(LIMITS.NAME_HI_MAX + 1);
    role.source = "s".repeat(LIMITS.SOURCE_MAX + 1);
    const competency = nodeOf(doc, "competency");
    competency.code = "C".repeat(LIMITS.CODE_MAX + 1);
    competency.scale.levels[1].descriptor = "x".repeat(LIMITS.LEVEL_DESCRIPTOR_MAX + 1);
    const resource = makeResource({ url: `https://example.gov.in/${"a".repeat(LIMITS.URL_MAX)}` });
    const withResource = withExtra(doc, [resource], [makeLink(nodeOf(doc, "activity"), resource)]);
    const messages = only(validateFracDocument(withResource), "text_too_long").map((f) => f.message);
    expect(messages).toHaveLength(6);
    expect(messages.join("\n")).toMatch(/The name of Role "r+…" is 301 characters long; the limit is 300\./);
    expect(messages.join("\n")).toContain("The Hindi name of Role");
    expect(messages.join("\n")).toContain("The source of Role");
    expect(messages.join("\n")).toContain("The code of Competency \"Financial Management\" is 33 characters long");
    expect(messages.join("\n")).toContain("The descriptor of level 2 of Competency");
    expect(messages.join("\n")).toContain("The web address (url) of Knowledge resource");
  });

  it("shortens a very long name when quoting it in a message", () => {
    const doc = makeFracDocument();
    nodeOf(doc, "activity").name = "a".repeat(400);
    const [finding] = validateFracDocument(doc);
    expect(finding.message.length).toBeLessThan(200);
  });

  it("checks the ministry's own name", () => {
    const doc = makeFracDocument({ mdo: { code: "DOE", name: "m".repeat(LIMITS.NAME_MAX + 1) } });
    expect(validateFracDocument(doc).map((f) => f.message)).toEqual([
      "The ministry name is 301 characters long; the limit is 300.",
    ]);
  });
});

describe("name_empty", () => {
  it("reports a name that is only spaces or zero-width spaces", () => {
    const doc = makeFracDocument();
    const role = nodeOf(doc, "role");
    role.name = " \u00A0\u200B ";
    const findings = only(validateFracDocument(doc), "name_empty");
    expect(findings).toEqual([
      {
        severity: "error",
        code: "name_empty",
        nodeId: role.id,
        message: `Role with no name (id ${role.id}) needs a name.`,
        params: { kind: "role", id: role.id },
      },
    ]);
  });
});

describe("duplicate_name", () => {
  it("warns about two roles whose names differ only in case and spacing", () => {
    const doc = makeFracDocument();
    const twin = makeRole({ name: "  budget   PREPARATION " });
    const findings = validateFracDocument(withExtra(doc, [twin], [makeLink(nodeOf(doc, "position"), twin)]));
    const dup = only(findings, "duplicate_name");
    expect(dup).toEqual([
      {
        severity: "warning",
        code: "duplicate_name",
        nodeId: twin.id,
        message: `Role "budget   PREPARATION" has the same name as Role "Budget preparation" (id ${nodeOf(doc, "role").id}). Merge them or rename one.`,
        params: { kind: "role", name: "  budget   PREPARATION ", otherKind: "role", otherName: "Budget preparation", otherId: nodeOf(doc, "role").id },
      },
    ]);
  });

  it("matches Devanagari names written in different Unicode forms", () => {
    const doc = makeFracDocument();
    nodeOf(doc, "role").name = "\u0958\u093E\u0928\u0942\u0928 \u0938\u0932\u093E\u0939"; // क़ानून सलाह, precomposed क़
    const twin = makeRole({ name: "\u0915\u093C\u093E\u0928\u0942\u0928  \u0938\u0932\u093E\u0939" });
    const findings = validateFracDocument(withExtra(doc, [twin], [makeLink(nodeOf(doc, "position"), twin)]));
    expect(only(findings, "duplicate_name").map((f) => f.nodeId)).toEqual([twin.id]);
  });

  it("does not compare names across kinds", () => {
    const doc = makeFracDocument();
    nodeOf(doc, "activity").name = "Budget preparation";
    expect(validateFracDocument(doc)).toEqual([]);
  });

  it("allows the same sub-theme name under two KCM themes, as the dictionary itself has", () => {
    const doc = makeFracDocument();
    const a = makeCompetency({ name: "Research & Need Analysis", theme: "Policy Making" });
    const b = makeCompetency({ name: "Research & Need Analysis", theme: "Programme Design" });
    const c = makeCompetency({ name: "research & need analysis", theme: "policy making" });
    const activity = nodeOf(doc, "activity");
    const links = [a, b, c].map((competency) => makeLink(activity, competency));
    const dup = only(validateFracDocument(withExtra(doc, [a, b, c], links)), "duplicate_name");
    expect(dup.map((f) => f.nodeId)).toEqual([c.id]);
  });
});
