/**
 * How the Competency, Competency type, Theme and Competency id columns are read against the
 * real KCM dictionary (issue: a theme named with its own theme was refused).
 */
import { describe, expect, it } from "vitest";
import { analyseImport } from "@import/index";
import type { DictionaryCompetency, ImportPlan } from "@import/plan-types";
import { CompetencyIndex } from "@schemas/competency-match";
import { NameSuggester } from "@import/similarity";
import { cbicDomain, emptySnapshot, FLAT_HEADER_ROW, flatRow, kcmDictionary, toCsv, utf8 } from "../../factories/import-data";

const KCM = kcmDictionary();
const DICTIONARY = [...KCM, ...cbicDomain()];
const entry = (name: string, theme: string | null) => {
  const found = KCM.find((e) => e.name === name && (e.theme ?? null) === theme);
  if (!found) throw new Error(`no ${name} under ${theme}`);
  return found;
};

async function planRows(rows: string[][], o: { typesFromDictionary?: boolean; dictionary?: DictionaryCompetency[] } = {}) {
  const analysis = await analyseImport({
    fileName: "sheet.csv",
    bytes: utf8(toCsv([FLAT_HEADER_ROW, ...rows])),
    existing: emptySnapshot(),
    dictionary: o.dictionary ?? DICTIONARY,
    mdoCode: "CBIC",
    mode: "merge",
    typesFromDictionary: o.typesFromDictionary,
  });
  if (!analysis.plan) throw new Error("expected a plan");
  return analysis.plan;
}
// The dictionary entry each row's requirement points at, in row order.
const required = (plan: ImportPlan) =>
  plan.links.create.filter((l) => l.kind === "activity_competency" || l.kind === "role_competency").map((l) => l.to);
const row = (competency: string, competencyType: string, theme: string, activity = `Act ${competency}`) =>
  flatRow({ position: "Pos A", role: "Role A", activity, competency, competencyType, theme, requiredLevel: "2" });

describe("Theme column: themes and sub-themes", () => {
  it("reads Competency = a theme with Theme = that theme (the issue's row) as a requirement on the theme", async () => {
    const plan = await planRows([row("Self-Awareness", "Behavioural", "Self-Awareness")]);
    expect(plan.findings).toEqual([]);
    expect(required(plan)).toEqual([entry("Self-Awareness", null).id]);
  });

  it("reads a theme with an empty Theme, and an empty type, as the theme", async () => {
    const plan = await planRows([row("Self-Awareness", "", ""), row("communication", "behavioural", "", "Act 2")]);
    expect(plan.findings).toEqual([]);
    expect(required(plan)).toEqual([entry("Self-Awareness", null).id, entry("Communication", null).id]);
  });

  it("reads a sub-theme with its theme, and without one where its name is unique", async () => {
    const plan = await planRows([
      row("Self-Analysis", "Behavioural", "Self-Awareness"),
      row("Active Listening", "Behavioural", "", "Act 2"),
    ]);
    expect(plan.findings).toEqual([]);
    expect(required(plan)).toEqual([entry("Self-Analysis", "Self-Awareness").id, entry("Active Listening", "Communication").id]);
  });

  it("reads Competency = Theme = a name shared by a theme and its sub-theme as the theme; the code picks the sub-theme", async () => {
    const plan = await planRows([
      row("Financial Management", "Functional", "Financial Management"),
      row("Financial Management", "Functional", "", "Act 2"),
      row("FUN-071", "Functional", "Financial Management", "Act 3"),
      flatRow({ activity: "Act 4", competencyId: "fun-078", competency: "Data Analytics", competencyType: "Functional", theme: "Data Analytics" }),
    ]);
    expect(plan.findings).toEqual([]);
    expect(required(plan)).toEqual([
      entry("Financial Management", null).id,
      entry("Financial Management", null).id,
      entry("Financial Management", "Financial Management").id,
      entry("Data Analytics", "Data Analytics").id,
    ]);
  });

  it("takes a KCM code in the Competency column, and re-reads it to the same entry", async () => {
    const plan = await planRows([row("BEH-001", "", ""), row("beh-001", "Behavioural", "Self-Awareness", "Act 2")]);
    expect(plan.findings).toEqual([]);
    expect(new Set(required(plan))).toEqual(new Set([entry("Self-Analysis", "Self-Awareness").id]));
  });

  it("refuses a code in Competency id that the dictionary does not have, rather than matching the name", async () => {
    const plan = await planRows([flatRow({ competencyId: "FUN-999", competency: "Financial Management", competencyType: "Functional", theme: "" })]);
    expect(plan.findings).toEqual([
      expect.objectContaining({ severity: "error", code: "competency_unknown", column: "Competency id", value: "FUN-999" }),
    ]);
    expect(plan.findings[0].message).toContain('No dictionary entry has the code "FUN-999"');
    expect(required(plan)).toEqual([]);
  });

  it("refuses a Competency id that is neither a UUID nor a code", async () => {
    const plan = await planRows([flatRow({ competencyId: "FUN 71", competency: "Financial Management" })]);
    expect(plan.findings).toEqual([expect.objectContaining({ severity: "error", code: "id_invalid", column: "Competency id" })]);
  });
});

describe("Theme column: wrong and missing themes", () => {
  it("accepts a unique name under a wrong theme with one warning naming the dictionary's theme", async () => {
    const plan = await planRows([
      row("Self-Analysis", "Behavioural", "Personal Effectiveness"),
      row("Self-Analysis", "Behavioural", "Personal Effectiveness", "Act 2"),
    ]);
    expect(plan.ok).toBe(true);
    expect(plan.findings).toEqual([
      expect.objectContaining({ row: 2, severity: "warning", code: "competency_theme_mismatch", value: "Self-Analysis" }),
    ]);
    expect(plan.findings[0].message).toContain('under the theme "Self-Awareness" in the dictionary, not under "Personal Effectiveness"');
    expect(new Set(required(plan))).toEqual(new Set([entry("Self-Analysis", "Self-Awareness").id]));
  });

  it("accepts a theme written as a sub-theme of another theme, saying it is a theme of its own", async () => {
    const plan = await planRows([row("Self-Awareness", "Behavioural", "Communication")]);
    expect(plan.ok).toBe(true);
    expect(plan.findings[0]).toMatchObject({ code: "competency_theme_mismatch" });
    expect(plan.findings[0].message).toContain("a theme of its own");
    expect(required(plan)).toEqual([entry("Self-Awareness", null).id]);
  });

  it("refuses a name found under two themes when the Theme is missing or wrong, listing both themes and their codes", async () => {
    const plan = await planRows([
      row("Research & Need Analysis", "Functional", ""),
      row("Research & Need Analysis", "Functional", "Project Management", "Act 2"),
    ]);
    const [missing, wrong] = plan.findings;
    expect(plan.findings).toHaveLength(2);
    for (const f of [missing, wrong]) {
      expect(f).toMatchObject({ severity: "error", code: "competency_ambiguous", column: "Competency" });
      expect(f.message).toContain('"Policy Architecture", "Government Program Formulation"');
      expect(f.message).toContain("FUN-045");
    }
    expect(wrong.message).toContain('is not under the theme "Project Management"');
    expect(plan.ok).toBe(false);
    expect(required(plan)).toEqual([]);
  });

  it("reads the same name under the right theme, either way round", async () => {
    const plan = await planRows([
      row("Data Use and Governance", "Functional", "Data Protection"),
      row("Data Use and Governance", "", "data analytics", "Act 2"),
    ]);
    expect(plan.findings).toEqual([]);
    expect(required(plan)).toEqual([entry("Data Use and Governance", "Data Protection").id, entry("Data Use and Governance", "Data Analytics").id]);
  });
});

describe("Competency type", () => {
  it("refuses a KCM entry written with another type, naming the type to write", async () => {
    const plan = await planRows([row("Active Listening", "Domain", "Communication")]);
    expect(plan.findings).toEqual([
      expect.objectContaining({ severity: "error", code: "competency_type_mismatch", dictionaryType: "Behavioural" }),
    ]);
    expect(plan.findings[0].message).toBe(
      '"Active Listening" is a Behavioural competency in the dictionary, not Domain: write Behavioural in Competency type.',
    );
    expect(plan.created.competency).toBe(0);
  });

  it("takes the dictionary's type for every such row when asked, with one warning per name", async () => {
    const plan = await planRows(
      [
        row("Active Listening", "Domain", "Communication"),
        row("Active Listening", "Domain", "Communication", "Act 2"),
        row("Self-Awareness", "Functional", "Self-Awareness", "Act 3"),
      ],
      { typesFromDictionary: true },
    );
    expect(plan.ok).toBe(true);
    expect(plan.findings.map((f) => [f.row, f.severity, f.code])).toEqual([
      [2, "warning", "competency_type_taken"],
      [4, "warning", "competency_type_taken"],
    ]);
    expect(plan.findings[0].message).toContain("taken as Behavioural");
    expect(required(plan)).toEqual([
      entry("Active Listening", "Communication").id,
      entry("Active Listening", "Communication").id,
      entry("Self-Awareness", null).id,
    ]);
    expect(plan.created.competency).toBe(0);
  });

  it("still refuses, even when asked, a name the dictionary cannot pin to one entry", async () => {
    const plan = await planRows([row("Research & Need Analysis", "Behavioural", "")], { typesFromDictionary: true });
    expect(plan.findings).toEqual([expect.objectContaining({ severity: "error", code: "competency_type_mismatch" })]);
    expect(plan.findings[0].dictionaryType).toBeUndefined();
    expect(plan.findings[0].message).toContain("write Functional in Competency type (and its theme in Theme)");
  });
});

describe("did you mean", () => {
  it("never suggests the value that was given", async () => {
    const suggester = new NameSuggester(["Self-Awareness", "Self-Analysis", "Self-Learning"]);
    expect(suggester.closest("self-awareness")).toEqual(["Self-Analysis", "Self-Learning"]);
    const plan = await planRows([row("Self Awareness skills", "Behavioural", "Self-Awareness")]);
    const [unknown] = plan.findings;
    expect(unknown).toMatchObject({ code: "competency_unknown" });
    expect(unknown.suggestions).toContain("Self-Awareness");
    expect(unknown.suggestions).not.toContain("Self Awareness skills");
    expect(unknown.message.match(/Did you mean/g)).toHaveLength(1);
  });

  it("a Domain competency the ministry has is matched under a wrong theme too, rather than made twice", async () => {
    const plan = await planRows([row("Customs valuation", "Domain", "Valuation")]);
    expect(plan.created.competency).toBe(0);
    expect(plan.findings).toEqual([expect.objectContaining({ code: "competency_theme_mismatch" })]);
  });
});

describe("CompetencyIndex (the editor picker's matching)", () => {
  const index = new CompetencyIndex(KCM);
  it("finds by code, by name whatever the case and spacing, and says when a name is ambiguous", () => {
    expect(index.match({ name: "fun-071" })).toMatchObject({ status: "found", by: "code", entry: { theme: "Financial Management" } });
    expect(index.match({ name: "  self-AWARENESS " })).toMatchObject({ status: "found", entry: { theme: null } });
    expect(index.match({ name: "Research & Need Analysis" })).toMatchObject({ status: "ambiguous" });
    expect(index.match({ name: "Budget tricks" })).toEqual({ status: "none" });
  });
});
