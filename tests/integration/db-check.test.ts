import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { BACKFILL_KEY } from "@db/audit-chain";
import { checkDatabase } from "@db/check";
import { getClient, openClient } from "@db/client";
import { userId } from "@db/ids";
import { applyEditOps } from "~/models/draft-save/save.server";
import { getMdoByCode } from "~/models/access/mdos.server";
import { frac } from "../support/cli";
import { newNode } from "../factories/edit-ops";
import { cliDatabase } from "../support/db-state";

const copies: ReturnType<typeof cliDatabase>[] = [];
afterAll(() => copies.forEach((c) => c.remove()));

/** A private copy of the seeded database and `frac db:check --json` against it. */
function copy() {
  const db = cliDatabase();
  copies.push(db);
  const check = () => {
    const out = frac(["db:check", "--json"], db.env);
    return { code: out.code, stderr: out.stderr, report: out.stdout ? (JSON.parse(out.stdout) as { ok: boolean; problems: { check: string; table: string; id: string | null; message: string }[] }) : null };
  };
  /** Runs SQL on the file directly, as someone with the file (and no app) could. */
  const tamper = (sql: string) => {
    const raw = new Database(db.file);
    raw.exec(sql);
    raw.close();
  };
  return { ...db, check, tamper };
}

const DROP_TRIGGERS = "drop trigger audit_log_no_update; drop trigger audit_log_no_delete; drop trigger versions_no_update;";

describe("frac db:check", { timeout: 120_000 }, () => {
  it("passes the seeded database: exit 0 and exactly { ok, problems }", () => {
    const db = copy();
    const out = frac(["db:check", "--json"], db.env);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toStrictEqual({ ok: true, problems: [] });
    const human = frac(["db:check"], db.env);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^database check: ok \(integrity, foreign keys, 1 published version, \d+ audit rows in the hash chain/u);
  });

  it("names an audit row edited with the triggers dropped", () => {
    const db = copy();
    db.tamper(`${DROP_TRIGGERS} update audit_log set after = '"REJECTED"' where id = 2;`);
    const { code, report } = db.check();
    expect(code).toBe(1);
    expect(report!.ok).toBe(false);
    expect(report!.problems).toContainEqual({ check: "audit_chain", table: "audit_log", id: "2", message: "the row's content does not match its hash (it was changed after it was written)" });
    expect(report!.problems.filter((p) => p.check === "triggers").map((p) => p.message)).toEqual([
      "the trigger audit_log_no_update is missing, so rows of this table can be changed",
      "the trigger audit_log_no_delete is missing, so rows of this table can be deleted",
      "the trigger versions_no_update is missing, so rows of this table can be changed",
    ]);
  });

  it("names the row after one whose hash was recomputed by someone who knows the algorithm", () => {
    const db = copy();
    const raw = new Database(db.file);
    raw.exec(DROP_TRIGGERS);
    const row = raw.prepare("select * from audit_log where id = 2").get() as Record<string, string | null>;
    // The forger rewrites row 2 and gives it a consistent hash of its own; row 3 still carries the old one.
    raw.prepare("update audit_log set after = ?, hash = ? where id = 2").run('"REJECTED"', "f".repeat(64));
    raw.close();
    expect(row.hash).not.toBe("f".repeat(64));
    const { report } = db.check();
    const chain = report!.problems.filter((p) => p.check === "audit_chain");
    expect(chain.map((p) => p.id)).toEqual(["2", "3"]);
    expect(chain[1].message).toBe("the chain breaks here: this row does not carry the hash of row 2 (a row before it was changed, removed or inserted)");
  });

  it("names audit rows removed from the middle and from the end", () => {
    const db = copy();
    const last = (() => {
      const raw = new Database(db.file, { readonly: true });
      const n = raw.prepare("select max(id) from audit_log").pluck().get() as number;
      raw.close();
      return n;
    })();
    db.tamper(`${DROP_TRIGGERS} delete from audit_log where id in (3, ${last});`);
    const { code, report } = db.check();
    expect(code).toBe(1);
    const chain = report!.problems.filter((p) => p.check === "audit_chain");
    expect(chain).toContainEqual({ check: "audit_chain", table: "audit_log", id: "4", message: "row 3 is missing before this row (removed from the log)" });
    expect(chain).toContainEqual({ check: "audit_chain", table: "audit_log", id: String(last), message: `row ${last} is missing at the end of the log (removed)` });
  });

  it("names a published version whose document was changed, even with its sha256 recomputed", () => {
    const db = copy();
    const raw = new Database(db.file);
    const version = raw.prepare("select id, document from versions").get() as { id: string; document: string };
    raw.close();
    db.tamper(`${DROP_TRIGGERS} update versions set document = replace(document, 'Customs', 'Custom') where id = '${version.id}';`);
    let problems = db.check().report!.problems.filter((p) => p.check === "version_sha256");
    expect(problems).toEqual([
      { check: "version_sha256", table: "versions", id: version.id, message: "version 1 of CBIC: the stored document does not match its stored sha256 (it was changed after publication)" },
    ]);
    // A forger who also recomputes the sha256 column still differs from the sha256 the audit log recorded.
    const forged = version.document.replaceAll("Customs", "Custom");
    const sha = (text: string) => crypto.createHash("sha256").update(text).digest("hex");
    db.tamper(`update versions set sha256 = '${sha(forged)}' where id = '${version.id}';`);
    problems = db.check().report!.problems.filter((p) => p.check === "version_sha256");
    expect(problems).toEqual([
      { check: "version_sha256", table: "versions", id: version.id, message: "version 1 of CBIC: its sha256 differs from the one the audit log recorded when it was published" },
    ]);
  });

  it("reports a broken reference from foreign_key_check with the row's id", () => {
    const db = copy();
    db.tamper("pragma foreign_keys = off; update nodes set framework_id = 'no-such-framework' where rowid = (select min(rowid) from nodes);");
    const { code, report } = db.check();
    expect(code).toBe(1);
    expect(report!.problems).toHaveLength(1);
    expect(report!.problems[0]).toMatchObject({ check: "foreign_key_check", table: "nodes", message: "points at a row of frameworks that does not exist" });
    expect(report!.problems[0].id).toMatch(/^[0-9a-f-]{36}$/u);
  });

  it("exits 2 for a file that is missing or not a database, and creates nothing", () => {
    const db = copy();
    const missing = path.join(db.dir, "nothing-here.db");
    const none = frac(["db:check"], { DATABASE_URL: `file:${missing}` });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("no such database file");
    expect(fs.existsSync(missing)).toBe(false);
    const garbage = path.join(db.dir, "garbage.db");
    fs.writeFileSync(garbage, "this is not a SQLite database, only text that is long enough to have a header ".repeat(20));
    const bad = frac(["db:check", "--json"], { DATABASE_URL: `file:${garbage}` });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toContain("file is not a database");
  });

  it("prints help with exit 0", () => {
    const out = frac(["db:check", "--help"]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("Usage: frac db:check [--json]");
  });
});

describe("the audit chain as the app writes it", { timeout: 120_000 }, () => {
  it("chains every row an editor save writes, in its transaction", () => {
    const mdo = getMdoByCode({ code: "CBIC" })!;
    const { sqlite } = getClient();
    const revision = sqlite.prepare("select revision from frameworks where mdo_id = ?").pluck().get(mdo.id) as number;
    const before = sqlite.prepare("select max(id) from audit_log").pluck().get() as number;
    const result = applyEditOps({ mdoId: mdo.id, userId: userId("author@frac.test"), baseRevision: revision, ops: [newNode("position", "Chained A"), newNode("position", "Chained B")] });
    expect(result.ok).toBe(true);
    const rows = sqlite.prepare("select id, prev_hash as prevHash, hash from audit_log where id > ? order by id").all(before) as { id: number; prevHash: string; hash: string }[];
    expect(rows).toHaveLength(2);
    const previous = sqlite.prepare("select hash from audit_log where id = ?").pluck().get(before);
    expect(rows[0].prevHash).toBe(previous);
    expect(rows[1].prevHash).toBe(rows[0].hash);
    expect(checkDatabase(sqlite, { full: true })).toMatchObject({ ok: true, problems: [] });
  });

  it("keeps the log append-only: the chain columns of a chained row cannot be rewritten", () => {
    const { sqlite } = getClient();
    expect(() => sqlite.prepare("update audit_log set hash = 'x' where id = 1").run()).toThrow("audit_log is append-only");
    expect(() => sqlite.prepare("update audit_log set after = 'x' where id = 1").run()).toThrow("audit_log is append-only");
    expect(() => sqlite.prepare("delete from audit_log where id = 1").run()).toThrow("audit_log is append-only");
  });

  it("chains rows written before the chain existed once, at open, and says since when", () => {
    const db = copy();
    const raw = new Database(db.file);
    // Rows as an older FRAC Studio left them: no chain, no backfill record.
    raw.exec("drop trigger audit_log_no_update; update audit_log set prev_hash = null, hash = null;");
    raw.prepare("delete from meta where key = ?").run(BACKFILL_KEY);
    // The content-only trigger of migration 0007, put back as it was.
    const trigger = fs.readFileSync("db/migrations/0007_audit_chain.sql", "utf8").split("--> statement-breakpoint").at(-1)!;
    raw.exec(trigger);
    const rows = raw.prepare("select count(*) from audit_log").pluck().get() as number;
    // Before the chain, a row with no hash may not change its content either.
    expect(() => raw.prepare("update audit_log set after = 'x' where id = 1").run()).toThrow("audit_log is append-only");
    raw.close();

    const client = openClient(db.file);
    const report = checkDatabase(client.sqlite, { full: true });
    client.sqlite.close();
    expect(report.ok).toBe(true);
    expect(report.counted.backfill).toMatchObject({ rows, throughId: rows });
    const human = frac(["db:check"], db.env);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(`Note: audit rows 1 to ${rows} were written before the hash chain existed`);
  });
});
