import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getClient, getDb } from "@db/client";
import { seedDemo, seedReference } from "@db/seed";
import { competencies, frameworks, links, mdos, nodes, users } from "@db/schema";
import { loadDraftDocument } from "~/models/draft/document.server";
import { getMdoByCode } from "~/models/access/mdos.server";
import { validateFracDocument } from "@schemas/validator";
import { fracDocumentStrictSchema } from "@schemas/frac-document";

describe("seed", () => {
  it("seeds the whole KCM dictionary: 13 behavioural themes with 41 sub-themes, 22 functional with 73", () => {
    const db = getDb();
    const rows = db.select({ type: competencies.type, parentId: competencies.parentId }).from(competencies).all();
    const tally = (type: string, sub: boolean) => rows.filter((r) => r.type === type && (r.parentId !== null) === sub).length;
    expect([tally("Behavioural", false), tally("Behavioural", true)]).toEqual([13, 41]);
    expect([tally("Functional", false), tally("Functional", true)]).toEqual([22, 73]);
    const code = db.select().from(competencies).where(eq(competencies.code, "BEH-001")).get();
    expect(code?.name).toBe("Self-Analysis");
  });

  it("seeds iGOT's 705 organisations and activates the demo MDOs with codes", () => {
    const db = getDb();
    expect(db.select({ n: count() }).from(mdos).get()?.n).toBeGreaterThanOrEqual(700);
    const cbic = getMdoByCode({ code: "cbic" });
    expect(cbic?.name).toBe("Central Board of Indirect Taxes and Customs (CBIC)");
    const dor = db.select().from(mdos).where(eq(mdos.id, cbic!.parentId!)).get();
    expect(dor?.code).toBe("DOR");
  });

  it("is idempotent: seeding again adds nothing", async () => {
    const client = getClient();
    const before = client.db.select({ n: count() }).from(nodes).get()?.n;
    const again = seedReference(client);
    const demoAgain = await seedDemo(client);
    expect(Object.values(again).every((n) => n === 0)).toBe(true);
    expect(Object.values(demoAgain).every((n) => n === 0)).toBe(true);
    expect(client.db.select({ n: count() }).from(nodes).get()?.n).toBe(before);
    expect(client.db.select({ n: count() }).from(users).get()?.n).toBe(7);
  });

  it("gives the CBIC demo framework at least 10 positions, 20 roles, 40 activities and 15 competencies, valid with no errors", () => {
    const cbic = getMdoByCode({ code: "CBIC" })!;
    const doc = loadDraftDocument({ mdoId: cbic.id })!;
    const countKind = (k: string) => doc.nodes.filter((n) => n.kind === k).length;
    expect(countKind("position")).toBeGreaterThanOrEqual(10);
    expect(countKind("role")).toBeGreaterThanOrEqual(20);
    expect(countKind("activity")).toBeGreaterThanOrEqual(40);
    expect(countKind("competency")).toBeGreaterThanOrEqual(15);
    const types = new Set(doc.nodes.flatMap((n) => (n.kind === "competency" ? [n.competencyType] : [])));
    expect([...types].sort()).toEqual(["Behavioural", "Domain", "Functional"]);
    expect(doc.nodes.some((n) => n.nameHi)).toBe(true);
    const errors = validateFracDocument(doc, { mode: "submit" }).filter((f) => f.severity === "error");
    expect(errors).toEqual([]);
    expect(fracDocumentStrictSchema.safeParse(doc).success).toBe(true);
  });

  it("stores every competency link with a level and every other link without", () => {
    const db = getDb();
    const all = db.select().from(links).all();
    expect(all.length).toBeGreaterThan(0);
    for (const l of all) {
      if (l.kind.endsWith("_competency")) expect(l.level).toBeGreaterThanOrEqual(1);
      else expect(l.level).toBeNull();
    }
    expect(db.select().from(frameworks).all().every((f) => f.status === "DRAFT")).toBe(true);
  });
});
