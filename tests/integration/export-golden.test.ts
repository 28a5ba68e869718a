// The JSON a draft is exported and published as, pinned byte for byte: a small framework written
// straight into the tables (every node kind, every optional field present and absent, each link
// kind) must give exactly tests/fixtures/export/golden-draft.json, however the loader and the
// serialiser are made faster. The golden was written by the code before issue 18's rewrite.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getClient } from "@db/client";
import { jsonChunks, toJsonText } from "@export/json";
import { exportChunks } from "@export/index";
import { loadDraftDocument } from "~/models/draft/document.server";
import { serializeDocument } from "~/models/publication/versions.server";

const GOLDEN = path.resolve("tests/fixtures/export/golden-draft.json");
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const T1 = "2026-01-02T03:04:05.000Z";
const T2 = "2026-02-03T04:05:06.000Z";
const MDO = id(1);

function writeGoldenFramework(): void {
  const { sqlite } = getClient();
  const run = (sql: string, ...values: unknown[]) => sqlite.prepare(sql).run(...values);
  sqlite.transaction(() => {
    run("insert into mdos (id, code, name, active) values (?, 'GOLD', 'Department of Golden Files', 1)", MDO);
    run("insert into users (id, email, name, password_hash) values (?, 'golden@frac.test', 'Gita Golden (HR cell)', 'x')", id(2));
    run("insert into frameworks (id, mdo_id, status, revision) values (?, ?, 'DRAFT', 7)", id(3), MDO);
    const levels = JSON.stringify([
      { level: 1, name: "Basic", descriptor: "Knows the \"rules\"." },
      { level: 2, name: "Proficient", descriptor: "Applies them\nunaided." },
      { level: 3, name: "Advanced", descriptor: "Teaches them." },
    ]);
    run("insert into scales (id, name, levels) values (?, 'Golden scale', ?)", id(4), levels);
    const competency = "insert into competencies (id, code, type, name, name_hi, description, parent_id, mdo_id, scale_id, source, sort_order, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    run(competency, id(10), "GLD-T1", "Functional", "Golden theme", null, "A theme.", null, null, id(4), null, 0, T1, T1);
    run(competency, id(11), "GLD-001", "Functional", "Gilding", "स्वर्ण", "Covering in gold.", id(10), null, id(4), "KCM", 1, T1, T2);
    run(competency, id(12), null, "Domain", "Assaying", null, "", null, MDO, id(4), null, 0, T1, T1);
    const node = "insert into nodes (id, framework_id, kind, name, name_hi, description, source, url, resource_type, sort_order, created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    run(node, id(20), id(3), "position", "Under Secretary (Gold)", "अवर सचिव", "Heads the gold desk.", "Order 12/2026", null, null, 1, id(2), T1, T2);
    run(node, id(21), id(3), "position", "Section Officer", null, "", null, null, null, 0, null, T1, T1);
    run(node, id(22), id(3), "role", "Assay oversight", null, "Checks \"purity\" ✓", null, null, null, 0, id(2), T1, T1);
    run(node, id(23), id(3), "activity", "Weigh the bars", null, "Tab\tand newline\n", null, null, null, 0, null, T1, T1);
    run(node, id(24), id(3), "activity", "Record the weights", null, "", null, null, null, 1, null, T1, T1);
    run(node, id(25), id(3), "knowledge_resource", "Gold Control Rules", null, "The rules.", null, "https://example.gov.in/gold?a=1&b=2", "Rule", 0, null, T1, T1);
    run(node, id(26), id(3), "knowledge_resource", "Scales manual", null, "", null, null, null, 1, null, T1, T1);
    const link = "insert into links (id, framework_id, kind, from_id, to_node_id, to_competency_id, level, sort_order) values (?, ?, ?, ?, ?, ?, ?, ?)";
    run(link, id(40), id(3), "position_role", id(20), id(22), null, null, 0);
    run(link, id(41), id(3), "position_role", id(21), id(22), null, null, 0);
    run(link, id(42), id(3), "role_activity", id(22), id(24), null, null, 1);
    run(link, id(43), id(3), "role_activity", id(22), id(23), null, null, 0);
    run(link, id(44), id(3), "activity_competency", id(23), null, id(11), 3, 0);
    run(link, id(45), id(3), "activity_competency", id(23), null, id(12), 1, 1);
    run(link, id(46), id(3), "role_competency", id(22), null, id(11), 2, 2);
    run(link, id(47), id(3), "activity_resource", id(24), id(25), null, null, 0);
    run(link, id(48), id(3), "position_resource", id(21), id(26), null, null, 0);
  })();
}

writeGoldenFramework();

describe("the JSON of a draft, pinned", () => {
  const golden = fs.readFileSync(GOLDEN, "utf8");

  it("exports as the golden file, whole, streamed and through exportChunks", async () => {
    const doc = loadDraftDocument({ mdoId: MDO })!;
    expect(toJsonText(doc)).toBe(golden);
    expect([...jsonChunks(doc)].join("")).toBe(golden);
    let streamed = "";
    for await (const chunk of exportChunks(doc, "json")) streamed += chunk;
    expect(streamed).toBe(golden);
  });

  it("is stored at publication as the same text: the loader builds its keys in schema order", () => {
    // why: a publication stores JSON.stringify of the loaded document as it is, without the exporter's reordering.
    expect(serializeDocument(loadDraftDocument({ mdoId: MDO })!).text).toBe(golden);
  });
});
