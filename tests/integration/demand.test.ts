// Competency demand through the read API and the CLI, on the seeded database (CBIC published
// version 1 and has a draft; MOHFW has published nothing). The rule itself is checked by hand in
// tests/unit/schemas/demand.test.ts; here: the same numbers at every door, and the refusals.
import { describe, expect, it } from "vitest";
import { computeDemand } from "@schemas/demand";
import { loadDraftDocument } from "~/models/draft/document.server";
import { getMdoByCode } from "~/models/access/mdos.server";
import { createToken } from "~/models/access/tokens.server";
import { getVersion } from "~/models/publication/versions.server";
import { loader } from "~/routes/api.v1.frameworks.$mdo.versions.$number.$file";
import { frac } from "../support/cli";

function token(name: string, mdoCode?: string): string {
  const made = createToken({ name, createdBy: null, mdoId: mdoCode ? getMdoByCode({ code: mdoCode })!.id : null });
  if (!made.ok) throw new Error(made.message);
  return made.token;
}
const READER = token("demand-test");

async function get(mdo: string, number: string, file: string, bearer = READER): Promise<Response> {
  const request = new Request(`http://localhost/api/v1/frameworks/${mdo}/versions/${number}/${file}`, { headers: { Authorization: `Bearer ${bearer}` } });
  try {
    return await loader({ request, params: { mdo, number, file }, context: {} });
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

const cbic = () => getMdoByCode({ code: "CBIC" })!;
const v1Demand = () => computeDemand(getVersion({ mdoId: cbic().id, number: 1 })!.document);

describe("GET …/versions/N/demand.json and .csv", () => {
  it("serves the version's demand as JSON with the public shape, and as a spreadsheet-safe CSV", async () => {
    const expected = v1Demand();
    expect(expected.length).toBeGreaterThan(3);
    const json = await get("CBIC", "1", "demand.json");
    expect(json.status).toBe(200);
    expect(json.headers.get("Content-Disposition")).toBe('attachment; filename="CBIC-v1-demand.json"');
    expect(json.headers.get("ETag")).toMatch(/^"[0-9a-f]{64}"$/);
    const body = (await json.json()) as unknown[];
    expect(body).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(Object.keys(body[0] as object)).toEqual(["competency", "level", "positions", "posts"]);

    const csv = await get("CBIC", "1", "demand.csv");
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    // why bytes: Response.text() drops a byte-order mark, and the mark is what makes Excel read the file as UTF-8.
    const text = Buffer.from(await csv.arrayBuffer()).toString("utf8");
    expect(text.startsWith("\uFEFFCompetency id,KCM code,Competency,Type,Level,Positions,Sanctioned posts\r\n")).toBe(true);
    expect(text.trimEnd().split("\r\n")).toHaveLength(expected.length + 1);
  });

  it("answers 400 for an unknown file or a version that is not a number, 404 for a draft, a missing version or another ministry's token", async () => {
    expect((await get("CBIC", "1", "demand.xml")).status).toBe(400);
    expect((await get("CBIC", "one", "demand.json")).status).toBe(400);
    const draft = await get("CBIC", "draft", "demand.json");
    expect(draft.status).toBe(404);
    const missing = await get("CBIC", "9", "demand.json");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "There is no version 9 of CBIC; the published versions are 1 to 1." });
    expect((await get("CBIC", "1", "demand.json", token("mohfw-only", "MOHFW"))).status).toBe(404);
  });
});

describe("frac demand", () => {
  it("prints the latest version's demand as JSON, the draft's with --version draft, and every ministry's with --all", () => {
    const out = frac(["demand", "--mdo", "CBIC", "--json"]);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual(JSON.parse(JSON.stringify(v1Demand())));
    const draft = frac(["demand", "--mdo", "CBIC", "--version", "draft", "--json"]);
    expect(JSON.parse(draft.stdout)).toEqual(JSON.parse(JSON.stringify(computeDemand(loadDraftDocument({ mdoId: cbic().id })!))));
    // Only CBIC has published, so the sum over every ministry is CBIC's version 1.
    expect(JSON.parse(frac(["demand", "--all", "--json"]).stdout)).toEqual(JSON.parse(JSON.stringify(v1Demand())));
    const table = frac(["demand", "--mdo", "CBIC"]);
    expect(table.stdout).toMatch(/^Competency demand: CBIC version 1\n {2}.+, level \d: \d+ positions?, [\d,]+ posts?\n/u);
  });

  it("refuses wrong calls with exit 2 and a message", () => {
    expect(frac(["demand"]).stderr).toContain("give either --mdo CODE or --all");
    expect(frac(["demand", "--mdo", "NOPE"])).toMatchObject({ code: 2, stderr: expect.stringContaining('no active MDO with code "NOPE"') });
    expect(frac(["demand", "--mdo", "MOHFW"])).toMatchObject({ code: 2, stderr: expect.stringContaining("no published version yet") });
    expect(frac(["demand", "--mdo", "CBIC", "--version", "7"])).toMatchObject({ code: 2, stderr: expect.stringContaining("there is no version 7 of CBIC") });
    expect(frac(["demand", "--mdo", "CBIC", "--format", "xlsx"])).toMatchObject({ code: 2, stderr: expect.stringContaining("give -o FILE") });
    expect(frac(["demand", "--mdo", "CBIC", "--format", "pdf"]).code).toBe(2);
    expect(frac(["demand", "--help"])).toMatchObject({ code: 0, stdout: expect.stringContaining("the highest counts") });
  });
});
