import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { leaseFile } from "@db/server-lease";
import { frac } from "../support/cli";
import { cliDatabaseCopies } from "../support/db-state";
import { fracAsync } from "../support/processes";

const copy = cliDatabaseCopies();

/** Starts the editor-save writer on `file`; resolves once it has saved at least once. */
function startWriter(file: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/editor-writer.ts", file], { stdio: ["ignore", "pipe", "pipe"] });
  let saves = 0;
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      saves += (d.toString().match(/saved/gu) ?? []).length;
      if (saves >= 1) resolve();
    });
    child.on("exit", (code) => reject(new Error(`writer exited with ${code}: ${stderr}`)));
  });
  const stop = () =>
    new Promise<number>((resolve) => {
      child.removeAllListeners("exit");
      child.on("exit", () => resolve(saves));
      child.kill("SIGTERM");
    });
  return { ready, stop, saves: () => saves };
}

const rows = (file: string, sql: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
};

describe("frac backup", { timeout: 180_000 }, () => {
  it("copies the database while another process keeps writing: mode 0600, checks clean, published versions byte-identical", async () => {
    const db = copy();
    const writer = startWriter(db.file);
    await writer.ready;
    const backup = path.join(db.dir, "backups", "frac-under-load.db");
    fs.mkdirSync(path.dirname(backup));
    const savesBefore = writer.saves();
    const out = await fracAsync(["backup", backup], db.env).done;
    const savesDuringBackup = writer.saves() - savesBefore;
    const total = await writer.stop();
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Backed up .* to .*frac-under-load\.db \([\d.]+ MB, \d+ pages\)\.\n$/u);
    expect(total).toBeGreaterThan(1);
    expect(savesDuringBackup).toBeGreaterThan(0);
    expect(fs.statSync(backup).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(backup))).toEqual(["frac-under-load.db"]);

    const backupEnv = { DATABASE_URL: `file:${backup}` };
    expect(frac(["db:check", "--json"], backupEnv)).toMatchObject({ code: 0, stdout: '{"ok":true,"problems":[]}\n' });
    const live = frac(["export", "--mdo", "CBIC", "--format", "json", "--version", "1"], db.env);
    const copied = frac(["export", "--mdo", "CBIC", "--format", "json", "--version", "1"], backupEnv);
    expect(live.code).toBe(0);
    expect(copied.stdout).toBe(live.stdout);
    // The backup is one moment of the writer's history: its revision and its audit rows agree.
    const [state] = rows(backup, "select f.revision, (select count(*) from audit_log where entity = 'node' and action = 'update') as updates from frameworks f join mdos m on m.id = f.mdo_id where m.code = 'CBIC'") as { revision: number; updates: number }[];
    const [base] = rows(process.env.FRAC_TEST_BASE_DB!, "select f.revision, (select count(*) from audit_log where entity = 'node' and action = 'update') as updates from frameworks f join mdos m on m.id = f.mdo_id where m.code = 'CBIC'") as { revision: number; updates: number }[];
    expect(state.revision - base.revision).toBe(state.updates - base.updates);
  });

  it("refuses a call without a file, a missing directory and the database itself with exit 2", () => {
    const db = copy();
    expect(frac(["backup"], db.env)).toMatchObject({ code: 2 });
    const noDir = frac(["backup", path.join(db.dir, "no", "such", "dir.db")], db.env);
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toContain("no such directory");
    const itself = frac(["backup", db.file], db.env);
    expect(itself.code).toBe(2);
    expect(itself.stderr).toContain("is the database itself");
    expect(frac(["backup", "--help"]).stdout).toContain("Usage: frac backup FILE");
  });
});

describe("frac restore", { timeout: 180_000 }, () => {
  it("puts a backup back and keeps the replaced file beside it", () => {
    const db = copy();
    const backup = path.join(db.dir, "before.db");
    expect(frac(["backup", backup], db.env).code).toBe(0);
    const wanted = frac(["export", "--mdo", "CBIC", "--format", "csv"], db.env).stdout;
    const raw = new Database(db.file);
    raw.prepare("update nodes set name = 'Changed after the backup' where rowid = (select min(rowid) from nodes where kind = 'position')").run();
    raw.close();
    const changed = frac(["export", "--mdo", "CBIC", "--format", "csv"], db.env).stdout;
    expect(changed).not.toBe(wanted);

    const out = frac(["restore", backup], db.env);
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    const kept = fs.readdirSync(path.dirname(db.file)).filter((f) => f.startsWith("frac.db.replaced-"));
    expect(kept).toHaveLength(1);
    expect(out.stdout).toContain(`The replaced database is kept as ${path.join(path.dirname(db.file), kept[0])}.`);
    expect(frac(["export", "--mdo", "CBIC", "--format", "csv"], db.env).stdout).toBe(wanted);
    const keptEnv = { DATABASE_URL: `file:${path.join(path.dirname(db.file), kept[0])}` };
    expect(frac(["export", "--mdo", "CBIC", "--format", "csv"], keptEnv).stdout).toBe(changed);
  });

  it("refuses while a running server holds the database (exit 2, nothing changed), and restores with --force", () => {
    const db = copy();
    const backup = path.join(db.dir, "b.db");
    expect(frac(["backup", backup], db.env).code).toBe(0);
    // This test's own process stands in for the server: it is running, on this host.
    fs.writeFileSync(leaseFile(db.file), JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: "2026-01-01T00:00:00.000Z" }));
    const before = db.sha256();
    const refused = frac(["restore", backup], db.env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`a FRAC Studio server (process ${process.pid}, started 2026-01-01T00:00:00.000Z) holds`);
    expect(db.sha256()).toBe(before);
    expect(db.leftovers()).toEqual(["frac.db.server"]);
    expect(frac(["restore", backup, "--force"], db.env).code).toBe(0);
  });

  it("ignores the lease of a server that was killed", () => {
    const db = copy();
    const backup = path.join(db.dir, "b.db");
    expect(frac(["backup", backup], db.env).code).toBe(0);
    const gone = spawn(process.execPath, ["-e", ""]);
    const pid = gone.pid!;
    return new Promise<void>((resolve) => gone.on("exit", () => resolve())).then(() => {
      fs.writeFileSync(leaseFile(db.file), JSON.stringify({ pid, host: os.hostname(), startedAt: "2026-01-01T00:00:00.000Z" }));
      expect(frac(["restore", backup], db.env).code).toBe(0);
    });
  });

  it("refuses a tampered backup with exit 1 and the problems, and a missing one with exit 2; the database is unchanged", () => {
    const db = copy();
    const backup = path.join(db.dir, "tampered.db");
    expect(frac(["backup", backup], db.env).code).toBe(0);
    const raw = new Database(backup);
    raw.exec("drop trigger versions_no_update; update versions set document = document || ' ';");
    raw.close();
    const before = db.sha256();
    const out = frac(["restore", backup], db.env);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain("fails the database checks; nothing was restored");
    expect(out.stderr).toContain("the stored document does not match its stored sha256");
    expect(db.sha256()).toBe(before);
    expect(db.leftovers()).toEqual([]);
    const missing = frac(["restore", path.join(db.dir, "none.db")], db.env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no such file");
    const garbage = path.join(db.dir, "garbage.db");
    fs.writeFileSync(garbage, "not a database ".repeat(100));
    const bad = frac(["restore", garbage], db.env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("cannot be read as a FRAC Studio database");
    expect(db.sha256()).toBe(before);
    expect(db.leftovers()).toEqual([]);
  });
});
