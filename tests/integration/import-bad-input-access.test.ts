// Who may import into which ministry, and ids from another ministry's framework: refused on
// every path (page, action, CLI) with a status or exit code and a message, writing nothing.
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@db/client";
import { competencies, nodes } from "@db/schema";
import { ministry, OTHER_AUTHOR, VIEWER } from "../factories/edit-ops";
import { AUTHOR, CBIC_ROW, cliImporter, FLAT_HEADER, flatCsv, getImportPage, postImport, unchangedBy } from "../factories/import";

const file = { name: "frac.csv", bytes: flatCsv(CBIC_ROW) };

describe("who may import", () => {
  it("an unknown ministry code is 404 for the page and the action", async () => {
    expect(await getImportPage(AUTHOR, "NOPE")).toEqual({ status: 404, body: { message: 'No framework "NOPE" that you can see.', code: "page.noFrameworkYouSee", params: { code: "NOPE" } } });
    for (const intent of ["preview", "apply"]) {
      expect(await unchangedBy(() => postImport(AUTHOR, "NOPE", file, { intent }))).toMatchObject({ status: 404 });
    }
  });

  it("a viewer of the ministry gets 403: they can read the framework but not change it", async () => {
    expect(await getImportPage(VIEWER, "CBIC")).toEqual({ status: 403, body: { message: "You can read this framework but not change it.", code: "page.readOnly" } });
    for (const intent of ["preview", "apply"]) {
      expect(await unchangedBy(() => postImport(VIEWER, "CBIC", file, { intent }))).toMatchObject({ status: 403 });
    }
  });

  it("another ministry's author gets 404, as if the framework did not exist", async () => {
    expect(await getImportPage(OTHER_AUTHOR, "CBIC")).toMatchObject({ status: 404 });
    for (const intent of ["preview", "apply"]) {
      expect(await unchangedBy(() => postImport(OTHER_AUTHOR, "CBIC", file, { intent }))).toEqual({ status: 404, body: { message: 'No framework "CBIC" that you can see.', code: "page.noFrameworkYouSee", params: { code: "CBIC" } } });
    }
  });

  it("someone not signed in is sent to sign in", async () => {
    expect(await unchangedBy(() => postImport(null, "CBIC", file, { intent: "apply" }))).toEqual({ status: 302, body: { location: "/login?redirectTo=%2Fframeworks%2FCBIC%2Fimport" } });
  });
});

// A CBIC file carrying ids copied from MOHFW's framework and dictionary.
function foreignIds() {
  const mohfw = ministry("MOHFW");
  const position = getDb().select().from(nodes).where(and(eq(nodes.frameworkId, mohfw.frameworkId), eq(nodes.kind, "position"))).get()!;
  const competency = getDb().select().from(competencies).where(and(eq(competencies.mdoId, mohfw.mdoId), eq(competencies.type, "Domain"))).get()!;
  const header = `Position id,${FLAT_HEADER},Competency id`;
  return {
    position,
    competency,
    positionCsv: `${header}\r\n${position.id},Examiner,Cargo examination,Examine goods,Customs valuation,Domain,3,\r\n`,
    competencyCsv: `${header}\r\n,Examiner,Cargo examination,Examine goods,${competency.name},Domain,3,${competency.id}\r\n`,
  };
}

describe("ids that belong to another ministry", () => {
  it("a position id from MOHFW's framework is an error on its row in the preview, and applying is refused", async () => {
    const { position, positionCsv } = foreignIds();
    const upload = { name: "cbic.csv", bytes: positionCsv };
    const { status, body } = await unchangedBy(() => postImport(AUTHOR, "CBIC", upload));
    expect(status).toBe(200);
    const preview = (body as { preview: { plan: { ok: boolean }; findings: unknown[] } }).preview;
    expect(preview.plan.ok).toBe(false);
    expect(preview.findings).toContainEqual(expect.objectContaining({ row: 2, column: "Position id", value: position.id, code: "id_taken", severity: "error", message: expect.stringContaining("belongs to another ministry's framework or dictionary, not to CBIC's") }));
    expect(await unchangedBy(() => postImport(AUTHOR, "CBIC", upload, { intent: "apply" }))).toMatchObject({ status: 400 });
    expect(getDb().select().from(nodes).where(eq(nodes.id, position.id)).get()).toEqual(position);
  });

  it("a Domain competency id of MOHFW is an error too, not a crash on apply", async () => {
    const { competency, competencyCsv } = foreignIds();
    const upload = { name: "cbic.csv", bytes: competencyCsv };
    const { body } = await unchangedBy(() => postImport(AUTHOR, "CBIC", upload));
    expect((body as { preview: { findings: unknown[] } }).preview.findings).toContainEqual(expect.objectContaining({ row: 2, column: "Competency id", code: "id_taken", value: competency.id }));
    expect(await unchangedBy(() => postImport(AUTHOR, "CBIC", upload, { intent: "apply" }))).toMatchObject({ status: 400, body: { ok: false } });
  });
});

describe("frac import", () => {
  const cli = cliImporter();
  afterAll(cli.db.remove);

  it("exits 2 for an unknown ministry, naming it", () => {
    const out = cli.importRefused(cli.write("frac.csv", file.bytes), 2, ["--mdo", "NOPE"]);
    expect(out.stderr).toBe('frac: no active MDO with code "NOPE" (see `frac list`)\n');
  });

  it("exits 1 for MOHFW ids in a CBIC file, even in a dry run, naming the row and column", () => {
    const { position, positionCsv } = foreignIds();
    const out = cli.importRefused(cli.write("cbic.csv", positionCsv), 1, ["--mdo", "CBIC", "--dry-run"]);
    expect(out.stdout).toMatch(new RegExp(`^error\\s+row 2, column Position id \\(value "${position.id}"\\): Position id ${position.id} .*belongs to another ministry`, "m"));
  });
});
