/**
 * Two processes writing one draft: the built server saving over HTTP and the CLI importing.
 * One waits for the other; neither fails with SQLITE_BUSY or a 500; the loser of a revision
 * race gets the usual conflict message. Needs the app built (`npx remix build`).
 */
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDatabase } from "@db/check";
import { cliDatabase } from "../support/db-state";
import { DEMO_PASSWORD } from "@db/seed";
import { writeBigCsv } from "../support/big-import";
import { fracAsync, tsxScript, waitForLine } from "../support/processes";

const PORT = 4152;
// why: `npm test` runs the integration tests before the browser tests build the app.
if (!fs.existsSync("build/index.js")) execSync("npx remix build", { stdio: "ignore" });
const db = cliDatabase();
const server = tsxScript("scripts/serve.ts", [], { DATABASE_URL: `file:${db.file}`, PORT: String(PORT), FRAC_DEMO: "1", SESSION_SECRET: process.env.SESSION_SECRET });
let cookie = "";
let positionId = "";

beforeAll(async () => {
  await waitForLine(server, /is serving on/u);
  cookie = await signIn("author@frac.test");
  positionId = read((d) => d.prepare("select n.id from nodes n join frameworks f on f.id = n.framework_id join mdos m on m.id = f.mdo_id where m.code = 'CBIC' and n.kind = 'position' limit 1").pluck().get() as string);
}, 120_000);
afterAll(() => {
  server.kill("SIGTERM");
  db.remove();
});

function read<T>(run: (d: Database.Database) => T): T {
  const d = new Database(db.file, { readonly: true });
  try {
    return run(d);
  } finally {
    d.close();
  }
}
const revision = () => read((d) => d.prepare("select f.revision from frameworks f join mdos m on m.id = f.mdo_id where m.code = 'CBIC'").pluck().get() as number);

/** Signs in on the running server, as a browser does; sessions live in the server's database. */
async function signIn(email: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${PORT}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
  });
  const setCookie = response.headers.get("set-cookie");
  if (response.status !== 302 || !setCookie) throw new Error(`signing in as ${email} answered ${response.status}`);
  return setCookie.split(";")[0];
}

/** One editor save over HTTP, as the browser sends it. */
async function save(baseRevision: number, description: string) {
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${PORT}/frameworks/CBIC/edit?_data=${encodeURIComponent("routes/frameworks.$code.edit")}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cookie },
    body: JSON.stringify({ intent: "save", baseRevision, ops: [{ op: "node.update", id: positionId, fields: { description } }] }),
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean; message?: string }, ms: performance.now() - started };
}

describe("the server and the CLI writing the same draft", { timeout: 240_000 }, () => {
  it("a save waits while another process holds the database, then succeeds", async () => {
    const holder = new Database(db.file);
    holder.pragma("busy_timeout = 5000");
    holder.exec("begin immediate");
    const pending = save(revision(), "Saved after waiting");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    holder.exec("commit");
    holder.close();
    const result = await pending;
    expect(result.body).toEqual({ ok: true, revision: expect.any(Number) });
    expect(result.status).toBe(200);
    expect(result.ms).toBeGreaterThan(1000);
  });

  it("an import racing the server's saves loses with the usual conflict message; no SQLITE_BUSY, no 500", async () => {
    const csv = path.join(db.dir, "race.csv");
    writeBigCsv(db.file, csv, 5000);
    const cli = fracAsync(["import", csv, "--mdo", "CBIC"], db.env);
    let exited = false;
    void cli.done.then(() => (exited = true));
    const results: Awaited<ReturnType<typeof save>>[] = [];
    for (let i = 0; !exited; i++) {
      results.push(await save(revision(), `Race save ${i}`));
    }
    const end = await cli.done;
    expect(results.length).toBeGreaterThan(1);
    for (const r of results) {
      expect([200, 409], JSON.stringify(r.body)).toContain(r.status);
      if (r.status === 409) expect(r.body.message).toMatch(/saved this framework on .*after this editor loaded it \(revision \d+; it is now at revision \d+\)\. Nothing was saved: reload to see their changes\./u);
    }
    expect(end.stderr).not.toMatch(/SQLITE_BUSY|database is locked/u);
    // The saves kept moving the draft while the CLI read its file, so the CLI lost the race.
    expect({ code: end.code, stdout: end.stdout.slice(-500) }).toMatchObject({ code: 1 });
    expect(end.stdout).toContain("Nothing was imported: The draft changed after this preview was made; preview the file again before applying it.");
    expect(read((d) => checkDatabase(d, { full: true }).problems)).toEqual([]);
  });

  it("an import that wins the race makes the next save from the old revision a conflict", async () => {
    const csv = path.join(db.dir, "win.csv");
    writeBigCsv(db.file, csv, 2000);
    const loaded = revision();
    const end = await fracAsync(["import", csv, "--mdo", "CBIC"], db.env).done;
    expect({ code: end.code, stderr: end.stderr, stdout: end.stdout.slice(-500) }).toMatchObject({ code: 0, stderr: "" });
    const stale = await save(loaded, "From an editor opened before the import");
    expect(stale.status).toBe(409);
    expect(stale.body.message).toContain(`after this editor loaded it (revision ${loaded}; it is now at revision ${loaded + 1}). Nothing was saved`);
  });
});
