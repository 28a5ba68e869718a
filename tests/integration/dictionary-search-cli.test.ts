// `frac dictionary search`: the --json shape (exact keys, best first), --type, --help and exit codes.
import { describe, expect, it } from "vitest";
import { frac } from "../support/cli";

type Row = { id: string; code: string | null; name: string; type: string; theme: string | null; source: string | null };

describe("frac dictionary search", () => {
  it("prints an array of { id, code, name, type, theme, source }, best first, for a misspelt query", () => {
    const r = frac(["dictionary", "search", "decison making", "--json"]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Row[];
    expect(rows.length).toBeGreaterThan(1);
    expect(rows[0]).toMatchObject({ name: "Decision Making", type: "Behavioural" });
    for (const row of rows) expect(Object.keys(row)).toEqual(["id", "code", "name", "type", "theme", "source"]);
  });

  it("narrows to one type, named in any case", () => {
    const rows = JSON.parse(frac(["dictionary", "search", "decision", "--type", "functional", "--json"]).stdout) as Row[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.type === "Functional")).toBe(true);
    expect(rows[0]).toMatchObject({ code: "FUN-076", theme: "Data Analytics" });
  });

  it("prints an empty array, exit 0, when nothing matches", () => {
    const r = frac(["dictionary", "search", "qqqqzzzz", "--json"]);
    expect(r).toMatchObject({ code: 0 });
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it("prints a readable list without --json", () => {
    const r = frac(["dictionary", "search", "BEH-001"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(/^BEH-001\s+Behavioural\s+Self-Analysis \(Self-Awareness\)/);
  });

  it("exits 1 for a query with no words, 2 for a wrong call, and explains both", () => {
    const noWords = frac(["dictionary", "search", "--", "-- ;"]);
    expect(noWords.code).toBe(1);
    expect(noWords.stderr).toMatch(/no letters or digits/);
    for (const args of [["dictionary"], ["dictionary", "search"], ["dictionary", "find", "x"], ["dictionary", "search", "x", "--type", "Soft"], ["dictionary", "search", "x", "--limit", "0"], ["dictionary", "search", "x", "--bogus"]]) {
      const r = frac(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/Usage: frac dictionary search/);
      expect(r.stdout).toBe("");
    }
  });

  it("has --help naming the options and the JSON shape", () => {
    const r = frac(["dictionary", "search", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--type TYPE");
    expect(r.stdout).toContain("{ id, code, name, type, theme, source }");
  });
});
