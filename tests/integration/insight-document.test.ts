/**
 * The narrow read that demand and completeness of a draft use (insight-document.server.ts) gives
 * the rules exactly what the whole document gives them: property-based (fast-check, bounded) over
 * generated drafts written straight into SQLite, with the cases the rules are careful about
 * (descriptions of only Unicode spaces, links whose ends are of the wrong kind or missing, levels
 * outside a competency's scale, ties in link order), and on the demo's own drafts.
 */
import crypto from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getClient } from "@db/client";
import { computeCompleteness } from "@schemas/completeness";
import { computeDemand } from "@schemas/demand";
import { IMPORTANCE_LEVELS } from "@schemas/enums";
import { getMdoByCode } from "~/models/access/mdos.server";
import { loadDraftDocument } from "~/models/draft/document.server";
import { loadInsightDocument } from "~/models/insight/insight-document.server";
import { activateEmptyMdo } from "../factories/big-framework";

const both = (mdoId: string) => {
  const whole = loadDraftDocument({ mdoId })!;
  const narrow = loadInsightDocument({ mdoId })!;
  return { whole, narrow };
};

// Text that is blank to JavaScript's \s in every way a form or a spreadsheet could send it, and text that is not.
const SPACES = [" ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\u2028", "\ufeff", "\u200a", "\u202f"];
const text = fc.oneof(
  fc.constant(""),
  fc.array(fc.constantFrom(...SPACES), { minLength: 1, maxLength: 4 }).map((xs) => xs.join("")),
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom("\u200b", "x", " कार्य ", "\u00a0a"),
);

type Kind = "position" | "role" | "activity" | "knowledge_resource";
const KINDS: Kind[] = ["position", "role", "activity", "knowledge_resource"];
const NODE_LINKS = ["position_role", "role_activity", "position_resource", "activity_resource"] as const;

const draft = fc.record({
  nodes: fc.array(
    fc.record({
      kind: fc.constantFrom(...KINDS),
      name: fc.string({ minLength: 1, maxLength: 8 }),
      nameHi: fc.option(text, { nil: null }),
      description: text,
      posts: fc.option(fc.nat({ max: 5000 }), { nil: null }),
      order: fc.nat({ max: 3 }),
    }),
    { minLength: 1, maxLength: 24 },
  ),
  // Links between any two nodes of any kinds (by index), so some ends are of the wrong kind.
  nodeLinks: fc.array(fc.record({ kind: fc.constantFrom(...NODE_LINKS), from: fc.nat(), to: fc.nat(), order: fc.nat({ max: 3 }) }), { maxLength: 40 }),
  requirements: fc.array(
    fc.record({
      kind: fc.constantFrom("role_competency", "activity_competency"),
      from: fc.nat(),
      competency: fc.nat(),
      level: fc.integer({ min: 1, max: 5 }),
      importance: fc.option(fc.constantFrom(...IMPORTANCE_LEVELS), { nil: null }),
      order: fc.nat({ max: 3 }),
    }),
    { maxLength: 40 },
  ),
});

describe("the narrow read of a draft for demand and completeness", () => {
  it("gives the rules what the whole document gives them, on the demo's drafts", () => {
    for (const code of ["CBIC", "MOHFW"]) {
      const { whole, narrow } = both(getMdoByCode({ code })!.id);
      expect(narrow.links.length).toBe(whole.links.length);
      expect(computeDemand(narrow)).toEqual(computeDemand(whole));
      expect(computeCompleteness(narrow)).toEqual(computeCompleteness(whole));
    }
  });

  it("gives the rules what the whole document gives them, on any generated draft", { timeout: 120_000 }, () => {
    const { sqlite } = getClient();
    const { frameworkId, mdoId } = activateEmptyMdo(getClient(), "PROPTEST");
    // Dictionary entries with scales of different lengths, so some levels fall outside a scale.
    const competencies = (sqlite.prepare("select id from competencies order by scale_id, id limit 40").pluck().all() as string[]).filter((_, i) => i % 3 === 0);
    const insertNode = sqlite.prepare(
      "insert into nodes (id, framework_id, kind, name, name_hi, description, sanctioned_posts, sort_order) values (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const insertLink = sqlite.prepare(
      "insert into links (id, framework_id, kind, from_id, to_node_id, to_competency_id, level, importance, sort_order) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const clear = sqlite.transaction(() => {
      sqlite.prepare("delete from links where framework_id = ?").run(frameworkId);
      sqlite.prepare("delete from nodes where framework_id = ?").run(frameworkId);
    });
    let runs = 0;
    fc.assert(
      fc.property(draft, (d) => {
        clear();
        const ids = d.nodes.map(() => crypto.randomUUID());
        sqlite.transaction(() => {
          d.nodes.forEach((n, i) =>
            insertNode.run(ids[i], frameworkId, n.kind, n.name, n.nameHi, n.description, n.kind === "position" ? n.posts : null, n.order),
          );
          for (const l of d.nodeLinks) insertLink.run(crypto.randomUUID(), frameworkId, l.kind, ids[l.from % ids.length], ids[l.to % ids.length], null, null, null, l.order);
          for (const r of d.requirements) {
            const competency = competencies[r.competency % competencies.length];
            insertLink.run(crypto.randomUUID(), frameworkId, r.kind, ids[r.from % ids.length], null, competency, r.level, r.importance, r.order);
          }
        })();
        const { whole, narrow } = both(mdoId);
        expect(computeDemand(narrow)).toEqual(computeDemand(whole));
        expect(computeCompleteness(narrow)).toEqual(computeCompleteness(whole));
        runs += 1;
      }),
      { numRuns: 150, interruptAfterTimeLimit: 30_000 },
    );
    expect(runs).toBeGreaterThan(20);
  });
});
