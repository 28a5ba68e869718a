// The ACBP workspace on the seeded database (CBIC published version 1; MOHFW has published nothing):
// the page's loader and action, who may read and write, every refusal writing nothing, the audit
// rows, redrawing from a newer version, and the workbook read back with exceljs.
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { userId } from "@db/ids";
import { acbpPlans, users } from "@db/schema";
import { acbpDemand, currentFinancialYear } from "@schemas/acbp";
import { ACBP_HEADER_ROW, ACBP_HEADERS, acbpXlsx } from "@export/acbp-xlsx";
import { loadAcbp } from "~/models/insight/acbp.server";
import { getPublishedVersionNumber, getVersion } from "~/models/publication/versions.server";
import { action, loader } from "~/routes/frameworks.$code.acbp";
import { loader as xlsxLoader } from "~/routes/frameworks.$code.acbp[.]xlsx";
import { auditOf, AUTHOR, ministry, OTHER_AUTHOR, VIEWER } from "../factories/edit-ops";
import { databaseRows } from "../support/db-state";
import { requestAs, thrownResponse } from "../support/request";
import { publishCbicWithPosts } from "../factories/acbp";

const YEAR = 2026;
const cbic = () => ministry("CBIC");
const demandOf = (number: number) => acbpDemand(getVersion({ mdoId: cbic().mdoId, number })!.document);
const v1 = () => demandOf(1);

async function load(email: string, code = "CBIC", query = "") {
  const response = await loader({ request: await requestAs(email, `/frameworks/${code}/acbp${query}`), params: { code }, context: {} });
  return (await response.json()) as Awaited<ReturnType<Awaited<ReturnType<typeof loader>>["json"]>>;
}

async function post(email: string, fields: Record<string, string>, code = "CBIC") {
  const request = await requestAs(email, `/frameworks/${code}/acbp`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  try {
    return await action({ request, params: { code }, context: {} });
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

/** The fields of a save of the first two starting rows, with their choices. */
function twoRows(extra: Record<string, string> = {}, version = 1): Record<string, string> {
  const [a, b] = demandOf(version);
  return {
    intent: "save",
    year: String(YEAR),
    source: String(version),
    "row-0-competency": a.competency.id,
    "row-0-level": String(a.level),
    "row-0-lens-national_priorities": "on",
    "row-0-lens-emerging_technology": "on",
    "row-0-mode": "formal_course",
    "row-0-officials": "40",
    "row-0-quarter": "2",
    "row-1-competency": b.competency.id,
    "row-1-level": String(b.level),
    "row-1-lens-citizen_centricity": "on",
    "row-1-mode": "on_the_job",
    "row-1-officials": "",
    "row-1-quarter": "4",
    ...extra,
  };
}

async function refusedWith(status: number, email: string, fields: Record<string, string>, code = "CBIC") {
  const before = databaseRows();
  const response = await post(email, fields, code);
  expect(response.status).toBe(status);
  expect(databaseRows()).toEqual(before);
  const body = (await response.json()) as { problems?: { field: string; message: string }[]; message?: string };
  return body.problems ?? [{ field: "", message: body.message ?? "" }];
}

describe("the ACBP page's loader", () => {
  it("gives a ministry member the starting plan of the current financial year from the latest version's demand", async () => {
    const data = await load(AUTHOR);
    expect(data.year).toBe(currentFinancialYear());
    expect(data.plan.source?.number).toBe(1);
    expect(data.plan.saved).toBeNull();
    expect(data.editable).toBe(true);
    expect(data.plan.lines.map((l) => [l.competency.id, l.level, l.priority, l.officials, l.planned])).toEqual(
      v1().map((r) => [r.competency.id, r.level, r.priority, r.posts, false]),
    );
    expect(data.plan.lines.length).toBeGreaterThan(3);
    expect((await load(VIEWER)).editable).toBe(false);
    expect((await load("reviewer@frac.test")).plan.source?.number).toBe(1);
    expect((await load("board@frac.test", "CBIC", "?year=2027-28")).year).toBe(2027);
  });

  it("is 404 to another ministry, 400 for a year that is not one, and says MOHFW has nothing published", async () => {
    const other = await thrownResponse(async () => loader({ request: await requestAs(OTHER_AUTHOR, "/frameworks/CBIC/acbp"), params: { code: "CBIC" }, context: {} }));
    expect(other.status).toBe(404);
    const year = await thrownResponse(async () => loader({ request: await requestAs(AUTHOR, "/frameworks/CBIC/acbp?year=26-27"), params: { code: "CBIC" }, context: {} }));
    expect(year.status).toBe(400);
    expect(await year.json()).toEqual({ message: "Choose a financial year such as 2026-27." });
    const mohfw = await load(OTHER_AUTHOR, "MOHFW");
    expect(mohfw.plan).toMatchObject({ source: null, lines: [] });
  });
});

describe("saving a plan", () => {
  it("saves the author's choices for the year, audited, and shows them with the defaults elsewhere", async () => {
    const response = await post(AUTHOR, twoRows());
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/frameworks/CBIC/acbp?year=${YEAR}&done=saved`);
    const plan = loadAcbp({ mdoId: cbic().mdoId, year: YEAR });
    const [a, b, c] = plan.lines;
    expect(a).toMatchObject({ lenses: ["national_priorities", "emerging_technology"], mode: "formal_course", officials: 40, quarter: 2, planned: true });
    expect(b).toMatchObject({ lenses: ["citizen_centricity"], mode: "on_the_job", officials: b.posts, quarter: 4, planned: true });
    expect(c).toMatchObject({ lenses: [], mode: null, officials: c.posts, quarter: null, planned: false });
    expect(plan.saved?.updatedBy).toBe(getDb().select({ name: users.name }).from(users).where(eq(users.id, userId(AUTHOR))).get()!.name);

    const [created] = auditOf(planId(YEAR));
    expect(created).toMatchObject({ entity: "acbp_plan", action: "create", userId: userId(AUTHOR), mdoId: cbic().mdoId, before: null });
    expect(JSON.parse(created.after!)).toMatchObject({ year: YEAR, sourceVersion: 1, rows: [{ competencyId: a.competency.id, officials: 40, quarter: 2 }, { competencyId: b.competency.id, officials: null }] });

    // Saving again replaces the rows; the audit row keeps the plan before.
    expect((await post(AUTHOR, { intent: "save", year: String(YEAR), source: "1", "row-0-competency": a.competency.id, "row-0-level": String(a.level), "row-0-quarter": "1" })).status).toBe(302);
    const updated = auditOf(planId(YEAR)).at(-1)!;
    expect(updated.action).toBe("update");
    expect(JSON.parse(updated.before!).rows).toHaveLength(2);
    expect(JSON.parse(updated.after!).rows).toEqual([{ competencyId: a.competency.id, level: a.level, lenses: [], mode: null, officials: null, quarter: 1 }]);
    expect(loadAcbp({ mdoId: cbic().mdoId, year: YEAR }).lines.filter((l) => l.planned)).toHaveLength(1);
  });

  it("refuses bad input with a message on the field and writes nothing", async () => {
    const [a] = v1();
    expect(await refusedWith(400, AUTHOR, twoRows({ "row-0-officials": "-5" }))).toEqual([{ field: "row-0-officials", message: "Officials to reach cannot be negative (-5)." }]);
    expect(await refusedWith(400, AUTHOR, twoRows({ "row-1-lens-world_peace": "on" }))).toEqual([
      { field: "row-1-lens-world_peace", message: '"world_peace" is not a lens: choose national priorities, citizen centricity or emerging technology.' },
    ]);
    expect(await refusedWith(400, AUTHOR, twoRows({ "row-0-quarter": "5" }))).toEqual([{ field: "row-0-quarter", message: 'The quarter must be Q1 to Q4, not "5".' }]);
    expect(await refusedWith(400, AUTHOR, twoRows({ "row-1-mode": "by_osmosis" }))).toEqual([
      { field: "row-1-mode", message: '"by_osmosis" is not a mode: choose on the job, with others or a formal course.' },
    ]);
    expect(await refusedWith(400, AUTHOR, twoRows({ "row-1-competency": crypto.randomUUID() }))).toEqual([
      { field: "row-1-competency", message: expect.stringMatching(/^This competency at level \d is not in the demand of version 1\.$/u) },
    ]);
    expect(await refusedWith(400, AUTHOR, twoRows({ "row-1-level": String(a.level === 5 ? 4 : 5), "row-1-competency": a.competency.id }))).toHaveLength(1);
    expect(await refusedWith(400, AUTHOR, twoRows({ year: "next year" }))).toEqual([{ field: "year", message: "Choose a financial year such as 2026-27." }]);
    expect(await refusedWith(409, AUTHOR, twoRows({ source: "7" }))).toEqual([
      { field: "source", message: "The plan is now drawn from version 1: reload the page and make your changes again." },
    ]);
    expect(await refusedWith(400, AUTHOR, twoRows({ intent: "publish" }))).toEqual([{ field: "", message: "Unknown action on the ACBP page." }]);
  });

  it("is 403 to a viewer, and 404 to another ministry's author, whose plan it is not", async () => {
    expect(await refusedWith(403, VIEWER, twoRows())).toEqual([{ field: "", message: "You can read this framework but not change it." }]);
    expect((await refusedWith(404, OTHER_AUTHOR, twoRows()))[0].message).toBe('No framework "CBIC" that you can see.');
    expect(await refusedWith(403, "reviewer@frac.test", twoRows())).toEqual([{ field: "", message: "You can read this framework but not change it." }]);
  });

  it("discards a saved plan (audited) and then shows the starting rows again", async () => {
    expect((await post(AUTHOR, twoRows({ year: "2030" }))).status).toBe(302);
    const id = planId(2030);
    expect((await post(AUTHOR, { intent: "discard", year: "2030" })).status).toBe(302);
    expect(auditOf(id).at(-1)).toMatchObject({ action: "delete", after: null });
    expect(loadAcbp({ mdoId: cbic().mdoId, year: 2030 }).saved).toBeNull();
  });
});

describe("a newer version", () => {
  it("orders a new year's starting rows by importance × posts and lets a saved plan be redrawn from it, keeping rows still needed", async () => {
    expect((await post(AUTHOR, twoRows({ year: "2028" }))).status).toBe(302);
    publishCbicWithPosts();
    const saved = loadAcbp({ mdoId: cbic().mdoId, year: 2028 });
    expect(saved).toMatchObject({ source: { number: 1 }, latestVersion: 2 });

    const fresh = loadAcbp({ mdoId: cbic().mdoId, year: 2029 });
    expect(fresh.source?.number).toBe(2);
    const priorities = fresh.lines.map((l) => l.priority);
    expect(priorities.some((p) => p > 0)).toBe(true);
    expect([...priorities].sort((x, y) => y - x)).toEqual(priorities);

    expect((await post(AUTHOR, { intent: "redraw", year: "2028" })).status).toBe(302);
    const redrawn = loadAcbp({ mdoId: cbic().mdoId, year: 2028 });
    expect(redrawn.source?.number).toBe(2);
    expect(redrawn.lines.filter((l) => l.planned).map((l) => l.mode).sort()).toEqual(["formal_course", "on_the_job"]);
    expect(auditOf(planId(2028)).at(-1)).toMatchObject({ action: "update", field: "sourceVersion" });
  });
});

describe("the workbook", () => {
  it("downloads the saved plan with title rows, a header, one row per competency, totals, read back with exceljs", async () => {
    // why the latest: a plan is drawn from the latest version, and an earlier test published version 2.
    const latest = getPublishedVersionNumber({ mdoId: cbic().mdoId })!;
    expect((await post(AUTHOR, twoRows({ year: "2031" }, latest))).status).toBe(302);
    const response = await xlsxLoader({ request: await requestAs(VIEWER, "/frameworks/CBIC/acbp.xlsx?year=2031"), params: { code: "CBIC" }, context: {} });
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="CBIC-ACBP-2031-32.xlsx"');
    const sheet = await readSheet(Buffer.from(await response.arrayBuffer()));
    const plan = loadAcbp({ mdoId: cbic().mdoId, year: 2031 });
    expect(sheet[0][0]).toBe("Annual Capacity Building Plan 2031-32");
    expect(sheet[1]).toEqual(["Ministry / Department / Organisation", "Central Board of Indirect Taxes and Customs (CBIC)"]);
    expect(sheet[2][1]).toBe("2031-32 (1 April 2031 to 31 March 2032)");
    expect(sheet[3][1]).toMatch(/^FRAC version \d+, published \d{4}-\d{2}-\d{2}$/u);
    expect(sheet[ACBP_HEADER_ROW - 1]).toEqual([...ACBP_HEADERS]);
    const first = sheet[ACBP_HEADER_ROW];
    const a = plan.lines[0];
    expect(first).toEqual([1, a.competency.name, a.competency.code ?? "", a.competency.type, a.level, a.importance ? expect.any(String) : "Not rated", a.positions, a.posts, a.priority, "Yes", "", "Yes", "Formal course (10)", 40, "Q2 (Jul–Sep)"]);
    const totals = sheet[ACBP_HEADER_ROW + plan.lines.length];
    expect(totals[0]).toBe("Total");
    expect(totals[ACBP_HEADERS.indexOf("Officials to reach")]).toBe(plan.lines.reduce((n, l) => n + l.officials, 0));
    expect(totals[ACBP_HEADERS.indexOf("Lens: National priorities")]).toBe(1);
  });

  it("neutralises text that a spreadsheet would run as a formula, and is 404 to another ministry", async () => {
    const line = { ...v1()[0], competency: { ...v1()[0].competency, name: "=HYPERLINK(\"http://x\")" }, lenses: [], mode: null, officials: 3, quarter: null, planned: false };
    const sheet = await readSheet(await acbpXlsx({ mdo: { code: "X", name: "@evil" }, year: 2026, source: { number: 1, publishedAt: "2026-05-01T00:00:00Z" }, saved: null, lines: [line] }));
    expect(sheet[ACBP_HEADER_ROW][1]).toBe("'=HYPERLINK(\"http://x\")");
    expect(sheet[1][1]).toBe("'@evil (X)");
    const other = await thrownResponse(async () => xlsxLoader({ request: await requestAs(OTHER_AUTHOR, "/frameworks/CBIC/acbp.xlsx"), params: { code: "CBIC" }, context: {} }));
    expect(other.status).toBe(404);
  });
});

/** The id of CBIC's saved plan for a year. */
function planId(year: number): string {
  const row = getDb().select({ id: acbpPlans.id }).from(acbpPlans).where(and(eq(acbpPlans.mdoId, cbic().mdoId), eq(acbpPlans.year, year))).get();
  if (!row) throw new Error(`no plan for ${year}`);
  return row.id;
}

/** The first sheet's cell values, row by row (row 1 first), with empty cells as "". */
async function readSheet(bytes: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const out: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const values = (row.values as unknown[]).slice(1).map((v) => v ?? "");
    while (values.length && values.at(-1) === "") values.pop();
    out[n - 1] = values;
  });
  return out;
}
