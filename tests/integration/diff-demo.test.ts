// The diff between CBIC's version 1 and the draft the demo history leaves, through the model and `frac diff`.
import { describe, expect, it } from "vitest";
import { domainCompetencyId, stableId } from "@db/ids";
import { diffVersions } from "~/models/publication/versions.server";
import { frac } from "../support/cli";
import { ministry } from "../factories/edit-ops";

const demo = (kind: string, name: string) => stableId(`demo:CBIC/${kind}/${name}`);
const NEW_ACTIVITY = stableId("demo-history:CBIC/activity/Sanction refund of pre-deposit");
const IGST = demo("activity", "Resolve IGST refund errors on exports");
const REGISTRATION = demo("activity", "Verify applications for GST registration");

describe("diff of version 1 and the demo draft", () => {
  it("shows exactly the demo edits: an activity with its requirement, a raised level, a new description", () => {
    const result = diffVersions({ mdoId: ministry("CBIC").mdoId, from: 1, to: "draft" });
    if (!result.ok) throw new Error(result.message);
    const { diff } = result;
    expect(diff.summary).toEqual({ nodesAdded: 1, nodesRemoved: 0, nodesChanged: 1, linksAdded: 2, linksRemoved: 0, linksChanged: 1, identical: false });
    expect(diff.nodes.added).toEqual([{ id: NEW_ACTIVITY, kind: "activity", name: "Sanction refund of pre-deposit after an appellate order" }]);
    expect(diff.nodes.changed).toHaveLength(1);
    expect(diff.nodes.changed[0]).toMatchObject({ id: IGST, kind: "activity" });
    expect(diff.nodes.changed[0].changes.map((c) => c.field)).toEqual(["description"]);
    expect(diff.nodes.changed[0].changes[0].after).toContain("ICEGATE refund module");

    expect(diff.links.added.map((l) => [l.kind, l.from.name, l.to.name, l.level])).toEqual([
      ["role_activity", "Refund sanction", "Sanction refund of pre-deposit after an appellate order", null],
      ["activity_competency", "Sanction refund of pre-deposit after an appellate order", "Refund processing", 3],
    ]);
    expect(diff.links.changed).toEqual([
      {
        id: expect.any(String),
        kind: "activity_competency",
        from: { id: REGISTRATION, kind: "activity", name: "Verify applications for GST registration" },
        to: { id: domainCompetencyId("CBIC", "GST law and procedure"), kind: "competency", name: "GST law and procedure" },
        level: 3,
        order: expect.any(Number),
        changes: [{ field: "level", before: 2, after: 3 }],
      },
    ]);
  });

  it("is empty between a version and itself", () => {
    const same = diffVersions({ mdoId: ministry("CBIC").mdoId, from: 1, to: 1 });
    expect(same.ok && same.diff.summary.identical).toBe(true);
  });
});

describe("frac diff", () => {
  it("prints a readable list, by default from the latest version to the draft", () => {
    const out = frac(["diff", "--mdo", "cbic"]);
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("CBIC: version 1 → the draft\nNodes: 1 added, 0 removed, 1 changed. Links: 2 added, 0 removed, 1 changed.");
    expect(out.stdout).toContain('  + Activity "Sanction refund of pre-deposit after an appellate order"');
    expect(out.stdout).toContain('  ~ Activity "Resolve IGST refund errors on exports"\n      description: "Clear shipping bills');
    expect(out.stdout).toContain('  ~ Activity "Verify applications for GST registration" → Competency "GST law and procedure" (level 3)\n      level: 2 → 3');
  });

  it("prints JSON with --json, and says when two sides are the same", () => {
    const json = frac(["diff", "--mdo", "CBIC", "--from", "1", "--to", "draft", "--json"]);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed).toMatchObject({ mdo: "CBIC", from: 1, to: "draft", summary: { nodesAdded: 1, linksChanged: 1 } });
    expect(parsed.nodes.added[0].id).toBe(NEW_ACTIVITY);
    const same = frac(["diff", "--mdo", "CBIC", "--from", "1", "--to", "1"]);
    expect(same.stdout).toBe("CBIC: version 1 → version 1\nNo differences.\n");
  });

  it("exits 2 with a message for an unknown ministry or version", () => {
    const mdo = frac(["diff", "--mdo", "NOPE", "--from", "1"]);
    expect([mdo.code, mdo.stderr]).toEqual([2, 'frac: no active MDO with code "NOPE" (see `frac list`)\n']);
    const version = frac(["diff", "--mdo", "CBIC", "--from", "1", "--to", "5"]);
    expect([version.code, version.stderr]).toEqual([2, "frac: CBIC: There is no version 5 of this framework; the published versions are 1 to 1.\n"]);
    const none = frac(["diff", "--mdo", "MOHFW"]);
    expect([none.code, none.stderr]).toEqual([2, "frac: MOHFW has no published version yet; nothing to compare the draft with\n"]);
  });

  it("exits 2 on a malformed call", () => {
    const bad = frac(["diff", "--mdo", "CBIC", "--to", "latest"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--to must be a version number (1, 2, …) or draft, not "latest"');
    expect(frac(["diff"]).stderr).toContain("--mdo CODE is required");
  });

  it("has --help and is listed in frac --help", () => {
    const help = frac(["diff", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: frac diff --mdo CODE \[--from N\] \[--to M\|draft\] \[--json\]/);
    expect(frac(["--help"]).stdout).toMatch(/\n {2}diff +Show what changed/);
  });
});
