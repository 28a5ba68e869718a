import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getClient } from "@db/client";
import { readCasePackage } from "@import/case-package";
import { ImportError } from "@import/findings";
import { getSource, getSourceEntry, importCaseSource, listSources } from "~/models/dictionary/sources.server";
import { loader as sourcePageLoader } from "~/routes/dictionary.sources.$id";
import { frac } from "../support/cli";
import { cliDatabaseCopies, databaseRows } from "../support/db-state";
import { requestAs } from "../support/request";

const FIXTURES = path.resolve("tests/fixtures/case");
const bytesOf = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const ACT = "opensalt_Ordering_ACT-Holistic-Math.json";
const MULTI = "multiscript-v1p1.json";

function importFile(bytes: Uint8Array) {
  const result = importCaseSource({ read: readCasePackage(bytes), userId: null });
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe("importing a CASE package as a dictionary source", () => {
  it("keeps a real OpenSALT (CASE 1.0 shape) package's identifiers and hierarchy, and re-imports with no change", () => {
    const first = importFile(bytesOf(ACT));
    expect(first).toMatchObject({ source: { identifier: "a33fc64e-5c40-11e7-82c4-3d54268aa9ee", title: "ACT Holistic Framework, Math" }, created: 28, updated: 0, unchanged: 0 });
    const pkg = JSON.parse(bytesOf(ACT).toString("utf8")) as { CFItems: { identifier: string }[]; CFAssociations: { associationType: string; originNodeURI: { identifier: string }; destinationNodeURI: { identifier: string } }[] };
    const source = getSource({ id: first.source.identifier });
    expect(source?.entries.map((e) => e.id).sort()).toEqual(pkg.CFItems.map((i) => i.identifier).sort());
    const itemIds = new Set(pkg.CFItems.map((i) => i.identifier));
    for (const a of pkg.CFAssociations.filter((x) => x.associationType === "isChildOf")) {
      const entry = source?.entries.find((e) => e.id === a.originNodeURI.identifier);
      expect(entry?.parentId ?? null).toBe(itemIds.has(a.destinationNodeURI.identifier) ? a.destinationNodeURI.identifier : null);
    }
    // parents come before their children
    const seen = new Set<string>();
    for (const e of source?.entries ?? []) {
      if (e.parentId) expect(seen.has(e.parentId)).toBe(true);
      seen.add(e.id);
    }
    const before = databaseRows();
    expect(importFile(bytesOf(ACT))).toMatchObject({ created: 0, updated: 0, unchanged: 28 });
    expect(databaseRows()).toEqual(before);
    expect(listSources().find((s) => s.id === first.source.identifier)?.entries).toBe(28);
  });

  it("updates only what changed on a re-import, audited, and keeps items the package dropped", () => {
    const pkg = JSON.parse(bytesOf(MULTI).toString("utf8")) as { CFItems: { identifier: string; fullStatement: string }[] };
    importFile(bytesOf(MULTI));
    pkg.CFItems[1].fullStatement = "नया कथन: बदला हुआ";
    const dropped = pkg.CFItems.pop();
    const result = importFile(Buffer.from(JSON.stringify(pkg)));
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect(getSourceEntry({ id: pkg.CFItems[1].identifier })?.fullStatement).toBe("नया कथन: बदला हुआ");
    expect(getSourceEntry({ id: dropped?.identifier ?? "" })).not.toBeNull();
    const trail = getClient().sqlite.prepare("select action, before, after from audit_log where entity = 'source_entry' and entity_id = ? order by id").all(pkg.CFItems[1].identifier) as { action: string; before: string | null; after: string }[];
    expect(trail.map((t) => t.action)).toEqual(["create", "update"]);
    expect(JSON.parse(trail[1].after)).toEqual({ fullStatement: "नया कथन: बदला हुआ" });
  });

  it("keeps text in every script, outside the BMP too, byte for byte, and identifiers as given", () => {
    const pkg = JSON.parse(bytesOf(MULTI).toString("utf8")) as { CFItems: { identifier: string; fullStatement: string; notes?: string }[] };
    importFile(bytesOf(MULTI));
    for (const item of pkg.CFItems) {
      const stored = getSourceEntry({ id: item.identifier });
      expect(stored?.id).toBe(item.identifier);
      expect(Buffer.from(stored?.fullStatement ?? "", "utf8").equals(Buffer.from(item.fullStatement, "utf8"))).toBe(true);
      if (item.notes) expect(Buffer.from(stored?.notes ?? "", "utf8").equals(Buffer.from(item.notes, "utf8"))).toBe(true);
    }
    // the upper-case identifier is not lower-cased, and a non-v1–5 "UUID" is kept
    expect(getSourceEntry({ id: "C0FFEE00-0000-0000-0000-00000000A004" })).not.toBeNull();
    expect(getSourceEntry({ id: "00000000-0000-0000-0000-00000000a001" })?.source.title).toBe("बहुभाषी दक्षता ढाँचा · Multiscript test framework");
  });
});

const item = (identifier: string, fullStatement = `Item ${identifier}`) => ({ identifier, fullStatement, uri: `https://x.test/${identifier}` });
const childOf = (identifier: string, child: string, parent: string) => ({ identifier, associationType: "isChildOf", originNodeURI: { identifier: child }, destinationNodeURI: { identifier: parent } });
const doc = { identifier: "dd000000-0000-4000-8000-000000000001", title: "Bad package test" };

const BAD: [string, Uint8Array | string, RegExp][] = [
  ["not JSON", "{ CFDocument: nope", /not JSON/u],
  ["not UTF-8", new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), /not UTF-8/u],
  ["an empty file", "", /empty/u],
  ["a JSON array", "[]", /not a CASE package/u],
  ["no CFDocument", JSON.stringify({ CFItems: [] }), /CFDocument: Invalid input/u],
  ["an item without fullStatement", JSON.stringify({ CFDocument: doc, CFItems: [{ identifier: "a" }] }), /CFItems\[0\]\.fullStatement/u],
  ["duplicate identifiers", JSON.stringify({ CFDocument: doc, CFItems: [item("a-1"), item("a-1")] }), /a-1 is used twice/u],
  ["an item with the document's identifier", JSON.stringify({ CFDocument: doc, CFItems: [item(doc.identifier)] }), /used twice/u],
  ["a cycle", JSON.stringify({ CFDocument: doc, CFItems: [item("c-1"), item("c-2"), item("c-3")], CFAssociations: [childOf("x1", "c-1", "c-2"), childOf("x2", "c-2", "c-3"), childOf("x3", "c-3", "c-1")] }), /cycle: c-\d → c-\d → c-\d → c-\d/u],
  ["an item its own parent", JSON.stringify({ CFDocument: doc, CFItems: [item("s-1")], CFAssociations: [childOf("x1", "s-1", "s-1")] }), /its own parent/u],
  ["a lone surrogate", `{"CFDocument":{"identifier":"dd000000-0000-4000-8000-000000000001","title":"T"},"CFItems":[{"identifier":"l-1","fullStatement":"bad \\ud800 half"}]}`, /lone surrogate/u],
  ["an identifier with a slash", JSON.stringify({ CFDocument: doc, CFItems: [item("a/b")] }), /"a\/b"/u],
  ["too many items", JSON.stringify({ CFDocument: doc, CFItems: Array.from({ length: 20_001 }, (_, i) => item(`h-${i}`, "x")) }), /20,001 CFItems; at most 20,000/u],
  ["a huge statement", JSON.stringify({ CFDocument: doc, CFItems: [item("big-1", "x".repeat(20_001))] }), /20,001 characters long/u],
];

describe("bad packages", () => {
  it.each(BAD)("refuses %s with a message naming the problem, writing nothing", (_name, input, message) => {
    const before = databaseRows();
    const bytes = typeof input === "string" ? Buffer.from(input, "utf8") : input;
    let error: unknown;
    try {
      readCasePackage(bytes);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(message);
    expect(databaseRows()).toEqual(before);
  });

  it("refuses an identifier that already belongs to another source, writing nothing", () => {
    importFile(Buffer.from(JSON.stringify({ CFDocument: { identifier: "src-one", title: "One" }, CFItems: [item("shared-item")] })));
    const before = databaseRows();
    const result = importCaseSource({ read: readCasePackage(Buffer.from(JSON.stringify({ CFDocument: { identifier: "src-two", title: "Two" }, CFItems: [item("new-item"), item("shared-item")] }))), userId: null });
    expect(result).toMatchObject({ ok: false, status: 409 });
    expect(!result.ok && result.message).toMatch(/shared-item \(already an item of the source src-one\)/u);
    expect(databaseRows()).toEqual(before);
  });
});

describe("frac dictionary import", () => {
  const copy = cliDatabaseCopies();

  it("prints exactly { source, created, updated, unchanged } with --json, and exit 0; the same again changes nothing", () => {
    const db = copy();
    const file = path.join(FIXTURES, MULTI);
    const first = frac(["dictionary", "import", file, "--json"], db.env);
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(["source", "created", "updated", "unchanged"]);
    expect(report).toEqual({ source: { identifier: "5e0c3a7e-0b1d-4c7e-9a55-1f2e3d4c5b6a", title: "बहुभाषी दक्षता ढाँचा · Multiscript test framework" }, created: 4, updated: 0, unchanged: 0 });
    const hash = db.sha256();
    const again = frac(["dictionary", "import", file, "--json"], db.env);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect(db.sha256()).toBe(hash);
  });

  it("exits 1 for a bad package and 2 for a missing file or a wrong call, writing nothing; --help exits 0", () => {
    const db = copy();
    const hash = db.sha256();
    const bad = path.join(db.dir, "cycle.json");
    fs.writeFileSync(bad, BAD[8][1]);
    const invalid = frac(["dictionary", "import", bad, "--json"], db.env);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/cycle/u);
    expect(invalid.stdout).toBe("");
    expect(frac(["dictionary", "import", path.join(db.dir, "missing.json")], db.env).code).toBe(2);
    expect(frac(["dictionary", "import"], db.env).code).toBe(2);
    expect(frac(["dictionary", "export", "x"], db.env).code).toBe(2);
    expect(frac(["dictionary", "import", bad, "--nope"], db.env).code).toBe(2);
    expect(db.sha256()).toBe(hash);
    const help = frac(["dictionary", "--help"], db.env);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: frac dictionary [^\n]*\n\s+frac dictionary import FILE/u);
  });
});

describe("searching an outside framework's entries on its page", () => {
  const page = async (id: string, q: string) => {
    const response = await sourcePageLoader({ request: await requestAs("author@frac.test", `/dictionary/sources/${id}?q=${encodeURIComponent(q)}`), params: { id }, context: {} });
    return (await response.json()) as { entries: unknown[]; matches: { humanCodingScheme: string | null }[] | null };
  };

  it("finds entries by every word of the query, by code and in any script; no query lists the tree", async () => {
    const act = importFile(bytesOf(ACT)).source.identifier;
    const curved = await page(act, "curved LINES");
    expect(curved.matches?.map((e) => e.humanCodingScheme)).toEqual(["H.A.MATH.GM.PF.2DFP.L1.1"]);
    expect((await page(act, "h.a.math.gm.pf.2dfp.l1.10")).matches?.map((e) => e.humanCodingScheme)).toEqual(["H.A.MATH.GM.PF.2DFP.L1.10"]);
    expect((await page(act, "curved zebra")).matches).toEqual([]);
    const all = await page(act, "");
    expect(all.matches).toBeNull();
    expect(all.entries).toHaveLength(28);

    const multi = importFile(bytesOf(MULTI)).source.identifier;
    expect((await page(multi, "नैतिकता")).matches?.map((e) => e.humanCodingScheme)).toEqual(["MS.1"]);
    expect((await page(multi, "𝐃𝐚𝐭𝐚")).matches?.map((e) => e.humanCodingScheme)).toEqual(["MS.1.2"]);
  });
});
