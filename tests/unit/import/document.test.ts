import { describe, expect, it } from "vitest";
import { analyseImport, type ImportAnalysis } from "@import/index";
import type { DictionaryCompetency, ExistingSnapshot, ImportPlan } from "@import/plan-types";
import type { FracDocument } from "@schemas/frac-document";
import { defaultScale } from "@schemas/scale";
import { applyPlan, emptySnapshot, kcmDictionary, utf8 } from "../../factories/import-data";

const KCM = kcmDictionary();
const judgement = KCM.find((c) => c.name === "Sound Judgement") as DictionaryCompetency;
const id = () => crypto.randomUUID();

function cbicDocument(): FracDocument {
  const [position, role, activity, valuation, act, resource] = [id(), id(), id(), id(), id(), id()];
  return {
    schemaVersion: "1.0",
    mdo: { code: "CBIC", name: "Central Board of Indirect Taxes and Customs" },
    version: null,
    status: "DRAFT",
    nodes: [
      { kind: "position", id: position, name: "Appraiser", nameHi: "मूल्य निरूपक" },
      { kind: "role", id: role, name: "Special valuation" },
      {
        kind: "activity",
        id: activity,
        name: "Investigate related-party import transactions",
        description: "Check whether the relationship influenced the price.",
      },
      {
        kind: "competency",
        id: judgement.id,
        name: judgement.name,
        competencyType: "Behavioural",
        theme: "Decision Making",
        scale: defaultScale(5),
      },
      {
        kind: "competency",
        id: valuation,
        name: "Related-party valuation",
        competencyType: "Domain",
        scale: defaultScale(4),
      },
      { kind: "knowledge_resource", id: act, name: "Customs Act, 1962", url: "https://www.indiacode.nic.in/" },
      { kind: "role", id: resource, name: "Valuation cell liaison" },
    ],
    links: [
      { id: id(), kind: "position_role", from: position, to: role },
      { id: id(), kind: "role_activity", from: role, to: activity },
      { id: id(), kind: "activity_competency", from: activity, to: valuation, level: 4 },
      { id: id(), kind: "role_competency", from: role, to: judgement.id, level: 3 },
      { id: id(), kind: "position_resource", from: position, to: act },
    ],
  };
}

const analyse = (
  doc: unknown,
  existing: ExistingSnapshot = emptySnapshot(),
  dictionary: readonly DictionaryCompetency[] = KCM,
  mdoCode = "CBIC",
) =>
  analyseImport({
    fileName: "cbic.json",
    bytes: utf8(JSON.stringify(doc)),
    existing,
    dictionary,
    mdoCode,
    mode: "merge",
  });
const plan = (a: ImportAnalysis): ImportPlan => {
  if (!a.plan) throw new Error("expected a plan");
  return a.plan;
};

describe("a FracDocument JSON", () => {
  it("plans its nodes with their own ids, its Domain competency with its scale, and says what it skips", async () => {
    const doc = cbicDocument();
    const result = await analyse(doc);
    expect(result).toMatchObject({ fileKind: "json", layout: "frac-json", headerRow: null });
    const p = plan(result);
    expect(p.ok).toBe(true);
    expect(p.created).toEqual({ position: 1, role: 2, activity: 1, competency: 1, link: 4 });
    expect(p.nodes.position.create[0]).toMatchObject({ id: doc.nodes[0].id, nameHi: "मूल्य निरूपक" });
    expect(p.competencies.create[0]).toMatchObject({
      id: doc.nodes[4].id,
      name: "Related-party valuation",
      scale: defaultScale(4),
    });
    expect(p.links.create.find((l) => l.kind === "role_competency")).toMatchObject({ to: judgement.id, level: 3 });
    expect(p.findings).toEqual([
      expect.objectContaining({ code: "resources_not_imported", row: 0, severity: "warning" }),
    ]);
  });

  it("is idempotent", async () => {
    const doc = cbicDocument();
    const after = applyPlan(emptySnapshot(), KCM, plan(await analyse(doc)));
    const again = plan(await analyse(doc, after.existing, after.dictionary));
    expect(again.created).toEqual({ position: 0, role: 0, activity: 0, competency: 0, link: 0 });
    expect(again.updated).toEqual({ position: 0, role: 0, activity: 0, competency: 0, link: 0 });
  });

  it("reports shape problems with their JSON path, and levels outside the scale", async () => {
    const broken = { ...cbicDocument(), nodes: [{ kind: "position", id: "not-a-uuid", name: "X" }] };
    const shape = await analyse(broken);
    expect(shape.findings[0]).toMatchObject({
      row: 0,
      path: "nodes[0].id",
      code: "document_invalid",
      severity: "error",
    });
    const doc = cbicDocument();
    doc.links[2].level = 5;
    const outside = plan(await analyse(doc));
    expect(outside.findings).toContainEqual(expect.objectContaining({ code: "level_out_of_scale", path: "links[2]" }));
  });

  it("warns when the document belongs to another ministry, and refuses text that is not JSON", async () => {
    const other = plan(await analyse(cbicDocument(), emptySnapshot(), KCM, "MOF"));
    expect(other.findings).toContainEqual(expect.objectContaining({ code: "document_other_mdo", value: "CBIC" }));
    await expect(
      analyseImport({
        fileName: "x.json",
        bytes: utf8("{ not json"),
        existing: emptySnapshot(),
        dictionary: KCM,
        mdoCode: "CBIC",
        mode: "merge",
      }),
    ).rejects.toMatchObject({ code: "invalid_json", status: 400 });
  });
});
