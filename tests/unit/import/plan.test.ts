import { describe, expect, it } from "vitest";
import { analyseImport, type ImportAnalysis } from "@import/index";
import { planImport } from "@import/plan";
import type { DictionaryCompetency, ExistingSnapshot, ImportMode, ImportPlan } from "@import/plan-types";
import { defaultScale } from "@schemas/scale";
import {
  applyPlan,
  cbicDomain,
  emptySnapshot,
  FLAT_HEADER_ROW,
  fixture,
  flatRow,
  kcmDictionary,
  toCsv,
  utf8,
} from "../../factories/import-data";

const KCM = kcmDictionary();
// "Tariff classification" is left out, so the CBIC fixture must create it.
const DICTIONARY = [...KCM, ...cbicDomain(["Tariff classification"])];

type Options = { existing?: ExistingSnapshot; dictionary?: readonly DictionaryCompetency[]; mode?: ImportMode };

async function analyse(bytes: Uint8Array, o: Options = {}, fileName = "frac.csv"): Promise<ImportAnalysis> {
  return analyseImport({
    fileName,
    bytes,
    existing: o.existing ?? emptySnapshot(),
    dictionary: o.dictionary ?? DICTIONARY,
    mdoCode: "CBIC",
    mode: o.mode ?? "merge",
  });
}

function must(plan: ImportPlan | null): ImportPlan {
  if (!plan) throw new Error("expected a plan");
  return plan;
}

const planRows = async (rows: string[][], o: Options = {}) =>
  must((await analyse(utf8(toCsv([FLAT_HEADER_ROW, ...rows])), o)).plan);
const errors = (plan: ImportPlan) => plan.findings.filter((f) => f.severity === "error");

describe("planImport: the CBIC fixture into an empty draft", () => {
  it("creates every node, link and the missing Domain competency, and nothing else", async () => {
    const plan = must((await analyse(fixture("cbic-flat-utf8-bom.csv"))).plan);
    expect(plan.findings).toEqual([]);
    expect(plan.ok).toBe(true);
    expect(plan.created).toEqual({ position: 2, role: 2, activity: 7, competency: 1, link: 26 });
    expect(plan.updated).toEqual({ position: 0, role: 0, activity: 0, competency: 0, link: 0 });
    expect(plan.competencies.create).toEqual([
      expect.objectContaining({
        name: "Tariff classification",
        type: "Domain",
        mdoCode: "CBIC",
        scale: defaultScale(5),
      }),
    ]);
    const examiner = plan.nodes.position.create.find((p) => p.name === "Examiner");
    expect(examiner).toMatchObject({ nameHi: "परीक्षक", rows: [2, 3, 4, 5, 6, 7, 8, 9, 10] });
    expect(examiner?.description).toContain("\nWorks in the docks");
    // The role's own competency (empty Activity) is a role → competency link.
    const empathy = KCM.find((c) => c.name === "Empathy");
    expect(plan.links.create.filter((l) => l.kind === "role_competency")).toEqual([
      expect.objectContaining({
        fromName: "Passenger and baggage clearance",
        to: empathy?.id,
        toName: "Empathy",
        level: 2,
      }),
    ]);
    // Every new id is a fresh UUID.
    const ids = [
      ...plan.links.create.map((l) => l.id),
      ...Object.values(plan.nodes).flatMap((k) => k.create.map((n) => n.id)),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("is idempotent: planning the same file against the result changes nothing", async () => {
    const first = must((await analyse(fixture("cbic-flat-utf8-bom.csv"))).plan);
    const after = applyPlan(emptySnapshot(), DICTIONARY, first);
    const second = must((await analyse(fixture("cbic-flat-utf8-bom.csv"), after)).plan);
    expect(second.ok).toBe(true);
    expect(second.created).toEqual({ position: 0, role: 0, activity: 0, competency: 0, link: 0 });
    expect(second.updated).toEqual({ position: 0, role: 0, activity: 0, competency: 0, link: 0 });
    expect(second.unchanged).toMatchObject({ position: 2, role: 2, activity: 7, link: 26 });
    // The ids of the first import are kept.
    expect(second.nodes.position.unchanged.map((p) => p.id).sort()).toEqual(
      first.nodes.position.create.map((p) => p.id).sort(),
    );
  });
});

describe("planImport: matching and updating", () => {
  it("matches by normalised name and updates only what the file says differently", async () => {
    const first = await planRows([flatRow({ positionDescription: "Old text" })]);
    const after = applyPlan(emptySnapshot(), DICTIONARY, first);
    const plan = await planRows(
      [
        flatRow({
          position: "  under SECRETARY,  budget division",
          positionDescription: "New text",
          requiredLevel: "4",
        }),
      ],
      after,
    );
    expect(plan.updated).toMatchObject({ position: 1, role: 0, link: 1 });
    expect(plan.nodes.position.update[0]).toMatchObject({
      name: "Under Secretary, Budget Division",
      changes: [{ field: "description", before: "Old text", after: "New text" }],
    });
    expect(plan.links.update[0]).toMatchObject({ kind: "activity_competency", levelBefore: 3, level: 4 });
  });

  it("never erases a description when the cell is empty", async () => {
    const after = applyPlan(
      emptySnapshot(),
      DICTIONARY,
      await planRows([flatRow({ roleDescription: "Prepares estimates" })]),
    );
    const plan = await planRows([flatRow()], after);
    expect(plan.updated.role).toBe(0);
  });

  it("matches by id when the id column is filled, so a new name renames the node in place", async () => {
    const id = crypto.randomUUID();
    const existing: ExistingSnapshot = { nodes: [{ id, kind: "position", name: "US (Budget)" }], links: [] };
    const plan = await planRows(
      [
        flatRow({ positionId: id, position: "Under Secretary, Budget" }),
        flatRow({ position: "Under Secretary, Budget", activity: "Prepare the outcome budget" }),
      ],
      { existing },
    );
    expect(plan.created.position).toBe(0);
    expect(plan.nodes.position.update).toEqual([
      expect.objectContaining({
        id,
        rows: [2, 3],
        changes: [{ field: "name", before: "US (Budget)", after: "Under Secretary, Budget" }],
      }),
    ]);
  });

  it("creates a node with the id the file gives when the draft does not have it", async () => {
    const id = crypto.randomUUID();
    const plan = await planRows([flatRow({ roleId: id })]);
    expect(plan.nodes.role.create).toEqual([expect.objectContaining({ id, name: "Budget preparation" })]);
  });

  it("refuses an id that belongs to another kind, and two names for one id", async () => {
    const roleId = crypto.randomUUID();
    const existing: ExistingSnapshot = { nodes: [{ id: roleId, kind: "role", name: "Budget preparation" }], links: [] };
    const plan = await planRows([flatRow({ positionId: roleId })], { existing });
    expect(errors(plan)).toEqual([
      expect.objectContaining({ row: 2, code: "id_kind_mismatch", column: "Position id" }),
    ]);
    const id = crypto.randomUUID();
    const twice = await planRows([flatRow({ roleId: id, role: "Budget" }), flatRow({ roleId: id, role: "Audit" })]);
    expect(errors(twice)).toEqual([expect.objectContaining({ row: 3, code: "conflicting_value" })]);
  });

  it("names both rows when they give one node different descriptions", async () => {
    const plan = await planRows([
      flatRow({ roleDescription: "Prepares estimates" }),
      flatRow({ activity: "Review estimates", roleDescription: "Prepares budget estimates" }),
    ]);
    expect(plan.ok).toBe(false);
    expect(errors(plan)).toEqual([
      expect.objectContaining({ row: 3, column: "Role description", code: "conflicting_value" }),
    ]);
    expect(errors(plan)[0].message).toContain("row 2");
  });
});

describe("planImport: competencies and levels", () => {
  it("suggests the closest dictionary names for an unknown Behavioural or Functional competency", async () => {
    const plan = await planRows([
      flatRow({ competency: "Sound Judgment", competencyType: "Behavioural", theme: "" }),
      flatRow({ competency: "Budget formulation and implementation" }),
    ]);
    const [judgement, budget] = errors(plan);
    expect(judgement).toMatchObject({
      row: 2,
      column: "Competency",
      value: "Sound Judgment",
      code: "competency_unknown",
    });
    expect(judgement.suggestions?.[0]).toBe("Sound Judgement");
    expect(judgement.suggestions?.length).toBeLessThanOrEqual(3);
    expect(judgement.message).toContain('Did you mean "Sound Judgement"');
    expect(budget.suggestions).toContain("Budget Formulation & Implementation");
    expect(plan.created.competency).toBe(0);
  });

  it("tells how to create an unknown competency when the type is empty", async () => {
    const plan = await planRows([flatRow({ competency: "Drawback fraud detection", competencyType: "", theme: "" })]);
    expect(errors(plan)[0].message).toContain("set Competency type to Domain");
  });

  it("creates an unknown Domain competency (and its theme) once for the ministry, however many rows name it", async () => {
    const rows = [
      flatRow({ competency: "Drawback fraud detection", competencyType: "Domain", theme: "Export promotion" }),
      flatRow({
        activity: "Verify drawback claims",
        competency: "drawback  FRAUD detection",
        competencyType: "domain",
        theme: "export promotion",
      }),
    ];
    const plan = await planRows(rows);
    expect(plan.ok).toBe(true);
    expect(plan.competencies.create.map((c) => [c.name, c.theme ?? null, c.rows])).toEqual([
      ["Export promotion", null, [2]],
      ["Drawback fraud detection", "Export promotion", [2, 3]],
    ]);
    expect(plan.competencies.create[1].parentId).toBe(plan.competencies.create[0].id);
    const after = applyPlan(emptySnapshot(), DICTIONARY, plan);
    const again = await planRows(rows, after);
    expect(again.created).toEqual({ position: 0, role: 0, activity: 0, competency: 0, link: 0 });
  });

  it("asks for the Theme when a sub-theme name repeats across themes", async () => {
    const ambiguous = await planRows([flatRow({ competency: "Research & Need Analysis", theme: "" })]);
    expect(errors(ambiguous)[0]).toMatchObject({ code: "competency_ambiguous" });
    expect(errors(ambiguous)[0].message).toContain('"Policy Architecture"');
    const themed = await planRows([
      flatRow({ competency: "Research & Need Analysis", theme: "Government Program Formulation" }),
    ]);
    const entry = KCM.find(
      (c) => c.name === "Research & Need Analysis" && c.theme === "Government Program Formulation",
    );
    expect(themed.links.create.find((l) => l.kind === "activity_competency")?.to).toBe(entry?.id);
  });

  it("refuses a KCM name given the wrong type, rather than creating a Domain twin", async () => {
    const plan = await planRows([flatRow({ competency: "Strategic Leadership", competencyType: "Domain", theme: "" })]);
    expect(errors(plan)).toEqual([expect.objectContaining({ code: "competency_type_mismatch" })]);
    expect(plan.created.competency).toBe(0);
  });

  it("checks the level against the competency's own scale, by number and by name", async () => {
    const threeLevels = { ...cbicDomain()[0], name: "Customs valuation", scale: defaultScale(3) };
    const dictionary = [...KCM, threeLevels];
    const plan = await planRows(
      [
        flatRow({ competency: "Customs valuation", competencyType: "Domain", theme: "", requiredLevel: "4" }),
        flatRow({
          activity: "Value imports",
          competency: "Customs valuation",
          competencyType: "Domain",
          theme: "",
          requiredLevel: "Ustad",
        }),
        flatRow({
          activity: "Check values",
          competency: "Customs valuation",
          competencyType: "Domain",
          theme: "",
          requiredLevel: "advanced",
        }),
      ],
      { dictionary },
    );
    expect(errors(plan).map((f) => [f.row, f.code])).toEqual([
      [2, "level_out_of_scale"],
      [3, "level_out_of_scale"],
    ]);
    expect(errors(plan)[0].message).toContain("levels 1–3 (Basic, Proficient, Advanced)");
    expect(plan.links.create.find((l) => l.kind === "activity_competency")).toMatchObject({ level: 3, rows: [4] });
  });

  it("refuses the same link at two levels, naming both rows", async () => {
    const plan = await planRows([
      flatRow({ requiredLevel: "3" }),
      flatRow({ position: "Deputy Secretary, Budget", requiredLevel: "3" }),
      flatRow({ requiredLevel: "Expert" }),
    ]);
    expect(errors(plan)).toEqual([
      expect.objectContaining({ row: 4, code: "link_level_conflict", column: "Required level" }),
    ]);
    expect(errors(plan)[0].message).toMatch(/level 3 on row 2 and at level 4 on row 4/u);
  });
});

describe("planImport: replace mode", () => {
  it("lists everything the file does not mention, and merge mode removes nothing", async () => {
    const first = await planRows([
      flatRow(),
      flatRow({ position: "Section Officer, Budget", role: "Budget monitoring", activity: "Track expenditure" }),
    ]);
    const existingState = applyPlan(emptySnapshot(), DICTIONARY, first);
    const resource = {
      id: crypto.randomUUID(),
      kind: "knowledge_resource" as const,
      name: "General Financial Rules, 2017",
    };
    const sectionOfficer = first.nodes.position.create.find((p) => p.name === "Section Officer, Budget");
    const resourceLink = {
      id: crypto.randomUUID(),
      kind: "position_resource" as const,
      from: sectionOfficer?.id ?? "",
      to: resource.id,
      level: null,
    };
    const existing = {
      nodes: [...existingState.existing.nodes, resource],
      links: [...existingState.existing.links, resourceLink],
    };

    const merge = await planRows([flatRow()], { existing, dictionary: existingState.dictionary });
    expect(merge.removed).toEqual({ position: 0, role: 0, activity: 0, competency: 0, link: 0 });

    const replace = await planRows([flatRow()], { existing, dictionary: existingState.dictionary, mode: "replace" });
    expect(replace.ok).toBe(true);
    expect(replace.nodes.position.remove).toEqual([{ id: sectionOfficer?.id, name: "Section Officer, Budget" }]);
    expect(replace.nodes.role.remove.map((r) => r.name)).toEqual(["Budget monitoring"]);
    expect(replace.nodes.activity.remove.map((r) => r.name)).toEqual(["Track expenditure"]);
    // The chain's 3 links, and the resource link that would dangle; the resource itself stays.
    expect(replace.links.remove.map((l) => l.kind).sort()).toEqual([
      "activity_competency",
      "position_resource",
      "position_role",
      "role_activity",
    ]);
    expect(replace.links.remove.find((l) => l.kind === "position_role")).toMatchObject({
      fromName: "Section Officer, Budget",
      toName: "Budget monitoring",
    });
    expect(replace.unchanged).toMatchObject({ position: 1, role: 1, activity: 1, link: 3 });
  });

  it("removes nothing when the file holds no framework nodes, and says so", () => {
    const existing: ExistingSnapshot = {
      nodes: [{ id: crypto.randomUUID(), kind: "position", name: "Director" }],
      links: [],
    };
    const plan = planImport({
      records: { chains: [], competencies: [] },
      existing,
      dictionary: KCM,
      mdoCode: "CBIC",
      mode: "replace",
    });
    expect(plan.removed.position).toBe(0);
    expect(plan.findings).toEqual([
      expect.objectContaining({ code: "replace_nothing_to_replace", severity: "warning" }),
    ]);
  });
});

describe("planImport: earlier findings", () => {
  it("is not ok when an earlier stage reported an error", () => {
    const plan = planImport({
      records: { chains: [], competencies: [] },
      existing: emptySnapshot(),
      dictionary: KCM,
      mdoCode: "CBIC",
      mode: "merge",
      findings: [{ row: 3, severity: "error", code: "csv_quotes", message: "A quoted cell on row 3 is never closed." }],
    });
    expect(plan.ok).toBe(false);
    expect(plan.findings).toHaveLength(1);
  });
});
