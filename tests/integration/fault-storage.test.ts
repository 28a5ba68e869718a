/**
 * The machine refuses, not the input: a full disk (SQLite's max_page_count caps the file, as a
 * full disk would) during an import and an editor save, and a read-only database at start.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkDatabase } from "@db/check";
import { getClient } from "@db/client";
import { analyseForMdo, applyImportPlan, sha256Hex } from "~/models/import/import.server";
import { getMdoByCode } from "~/models/access/mdos.server";
import { handleEditorAction } from "~/routes/frameworks.$code.edit/editor-action.server";
import { AUTHOR, ministry, newNode, postEditor, saveBody } from "../factories/edit-ops";
import { cliDatabase, databaseRows } from "../support/db-state";
import { writeBigCsv } from "../support/big-import";
import { finished } from "../support/processes";

/** Caps the file at its current size, so the next write that needs a new page meets a full "disk". */
function fillTheDisk() {
  const { sqlite } = getClient();
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  const pages = sqlite.pragma("page_count", { simple: true }) as number;
  sqlite.pragma(`max_page_count = ${pages}`);
  return pages;
}

afterEach(() => {
  getClient().sqlite.pragma("max_page_count = 4294967294");
});

const DISK_FULL = "The server's disk is full, so nothing was saved and everything is as it was before. Ask the administrator to free disk space, then try again.";

describe("a full disk", { timeout: 120_000 }, () => {
  it("refuses an import with a clear 507 and writes nothing of it", async () => {
    const dir = fs.mkdtempSync(path.join(path.dirname(process.env.FRAC_TEST_BASE_DB!), "full-"));
    const csv = path.join(dir, "rows.csv");
    writeBigCsv(getClient().file, csv, 3000);
    const bytes = new Uint8Array(fs.readFileSync(csv));
    const mdo = getMdoByCode({ code: "CBIC" })!;
    const { analysis, revision } = (await analyseForMdo({ mdoId: mdo.id, mdoCode: mdo.code, fileName: "rows.csv", bytes, mode: "merge" }))!;
    expect(analysis.plan?.ok).toBe(true);

    const before = databaseRows();
    fillTheDisk();
    const result = applyImportPlan({ mdoId: mdo.id, userId: null, plan: analysis.plan!, fileName: "rows.csv", sha256: sha256Hex(bytes), baseRevision: revision });
    expect(result).toEqual({ ok: false, status: 507, message: DISK_FULL, code: "storage.full" });
    expect(databaseRows()).toEqual(before);
    expect(checkDatabase(getClient().sqlite, { full: true }).problems).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("answers an editor save with a clear 507, never a 500, and writes nothing of it", async () => {
    const revision = ministry("CBIC").revision;
    const changes = Array.from({ length: 400 }, (_, i) => newNode("position", `Position ${i} ${"of a long enough name ".repeat(4)}`));
    const before = databaseRows();
    fillTheDisk();
    const response = await handleEditorAction(await postEditor(AUTHOR, "CBIC", saveBody(revision, changes)), "CBIC");
    expect(response.status).toBe(507);
    expect(await response.json()).toEqual({ ok: false, message: DISK_FULL, code: "storage.full" });
    expect(databaseRows()).toEqual(before);

    // Once there is room again, the same save goes through.
    getClient().sqlite.pragma("max_page_count = 4294967294");
    const retry = await handleEditorAction(await postEditor(AUTHOR, "CBIC", saveBody(revision, changes)), "CBIC");
    expect(retry.status).toBe(200);
  });
});

describe("a read-only database", { timeout: 120_000 }, () => {
  it("stops the server at start with one clear line, not a stack trace", async () => {
    const db = cliDatabase();
    fs.chmodSync(db.file, 0o444);
    fs.chmodSync(path.dirname(db.file), 0o755);
    fs.chmodSync(db.dir, 0o755);
    // why another user when root: root writes to a 0444 file anyway; the server's real user would not.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
      env: { ...process.env, DATABASE_URL: `file:${db.file}`, PORT: "4159", FRAC_DEMO: "" },
      stdio: ["ignore", "pipe", "pipe"],
      ...asUser,
    });
    const end = await finished(server);
    expect(end.code).toBe(1);
    expect(end.stderr.trim()).toBe(
      `FRAC Studio cannot start: the database ${db.file} cannot be written (the file or its directory is read-only). FRAC Studio writes to it, and SQLite keeps its write-ahead log (frac.db-wal) in the same directory: give the user running it write access to both.`,
    );
    expect(db.leftovers()).toEqual([]);
    db.remove();
  });
});
