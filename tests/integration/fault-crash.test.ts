/**
 * kill -9 in the middle of writes, in real processes: the database afterwards is exactly as
 * before the interrupted transaction (or exactly as after it, if it committed) and passes
 * every check of `frac db:check`.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { checkDatabase } from "@db/check";
import { cliDatabaseCopies } from "../support/db-state";
import { writeBigCsv } from "../support/big-import";
import { finished, fracAsync, tsxScript, waitForLine } from "../support/processes";
import { stateOf } from "../support/state";

const copy = cliDatabaseCopies();

function fullCheck(file: string) {
  const db = new Database(file);
  try {
    return checkDatabase(db, { full: true });
  } finally {
    db.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("kill -9", { timeout: 240_000 }, () => {
  it("during a 100,000-row import leaves the database exactly as before (or after, had it committed), and clean", async () => {
    const db = copy();
    const csv = path.join(db.dir, "big.csv");
    writeBigCsv(db.file, csv, 100_000);
    const before = stateOf(db.file);

    const { child, done } = fracAsync(["import", csv, "--mdo", "CBIC"], db.env);
    // The planning reads and checks the file without writing; the transaction has begun once
    // its pages start reaching the write-ahead log (more than the cache holds). Kill it then.
    const wal = `${db.file}-wal`;
    let walBytes = 0;
    for (;;) {
      walBytes = fs.existsSync(wal) ? fs.statSync(wal).size : 0;
      if (walBytes > 1024 * 1024 || child.exitCode !== null) break;
      await sleep(20);
    }
    expect(child.exitCode, "the import finished before it could be killed mid-transaction").toBeNull();
    child.kill("SIGKILL");
    const end = await done;
    expect(end.signal).toBe("SIGKILL");
    expect(walBytes).toBeGreaterThan(1024 * 1024);

    const report = fullCheck(db.file);
    expect(report.problems).toEqual([]);
    const after = stateOf(db.file);
    if (after.audit_log.rows === before.audit_log.rows) {
      expect(after).toEqual(before);
    } else {
      // Committed just before the kill: exactly the whole import, recorded by one audit row.
      expect(after.audit_log.rows).toBe(before.audit_log.rows + 1);
      expect(after.nodes.rows - before.nodes.rows).toBe(1000 + 5000 + 25000);
      expect(after.links.rows - before.links.rows).toBe(130_000);
    }
  });

  it("during publications leaves every approval whole or absent, and the database clean", async () => {
    const db = copy();
    const publisher = tsxScript("tests/support/publisher.ts", [db.file]);
    const output = finished(publisher);
    await waitForLine(publisher, /^published 3$/u);
    // An arbitrary moment in the loop: a save, a submission, a verification or an approval may be under way.
    await sleep(Math.floor(Math.random() * 200));
    publisher.kill("SIGKILL");
    const end = await output;
    expect(end.signal).toBe("SIGKILL");
    const lastTold = Math.max(...[...end.stdout.matchAll(/^published (\d+)$/gmu)].map((m) => Number(m[1])));

    const report = fullCheck(db.file);
    expect(report.problems).toEqual([]);
    const raw = new Database(db.file, { readonly: true });
    const one = (sql: string) => raw.prepare(sql).pluck().get();
    const versions = one("select count(*) from versions v join mdos m on m.id = v.mdo_id where m.code = 'CBIC'") as number;
    const approvals = one("select count(*) from review_events e join frameworks f on f.id = e.framework_id join mdos m on m.id = f.mdo_id where m.code = 'CBIC' and e.action = 'approve'") as number;
    const publishedAudit = one("select count(*) from audit_log where entity = 'version' and action = 'publish'") as number;
    const lastEvent = one("select e.action from review_events e join frameworks f on f.id = e.framework_id join mdos m on m.id = f.mdo_id where m.code = 'CBIC' order by e.rowid desc limit 1") as string;
    const status = one("select f.status from frameworks f join mdos m on m.id = f.mdo_id where m.code = 'CBIC'") as string;
    raw.close();
    // Every version announced is there; at most one more committed before its announcement was printed.
    expect([lastTold, lastTold + 1]).toContain(versions);
    expect(approvals).toBe(versions);
    expect(publishedAudit).toBe(versions);
    expect({ approve: "DRAFT", submit: "UNVERIFIED", verify: "VERIFIED" }[lastEvent]).toBe(status);
  });
});
