import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openClient } from "@db/client";
import { mdoId } from "@db/ids";
import { seedDemo, seedReference } from "@db/seed";
import { mdos, users } from "@db/schema";
import { frac } from "../support/cli";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "frac-demo-safety-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const fileHash = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** Starts the real server script with these variables; it is expected to refuse and exit on its own. */
function serve(env: Record<string, string | undefined>) {
  const started = Date.now();
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    encoding: "utf8",
    env: { ...process.env, PORT: "4129", SESSION_SECRET: "", ...env },
    timeout: 60_000,
  });
  return { code: result.status, stderr: result.stderr, stdout: result.stdout, ms: Date.now() - started };
}

// why generous: each test starts the CLI or the server in child processes, slow on a busy machine.
const SLOW = 180_000;

/** A database with reference data and one real (not demo) admin, as a production install has. */
function realDatabase(name: string) {
  const file = path.join(tmp, name, "frac.db");
  const client = openClient(file);
  seedReference(client);
  client.db.insert(users).values({ id: crypto.randomUUID(), email: "first.admin@cbc.gov.in", name: "First Admin", passwordHash: "$argon2id$not-a-real-hash", mustChangePassword: true }).run();
  client.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  client.sqlite.close();
  return { file, env: { DATABASE_URL: `file:${file}`, FRAC_DEMO: undefined } };
}

describe("demo only where it is safe", () => {
  it("attack: a production server with FRAC_DEMO refuses to start, saying why, before it opens a database", () => {
    const file = path.join(tmp, "never", "frac.db");
    const run = serve({ NODE_ENV: "production", FRAC_DEMO: "1", DATABASE_URL: `file:${file}` });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("FRAC Studio will not start: FRAC_DEMO is set while NODE_ENV=production");
    expect(fs.existsSync(file)).toBe(false);
  }, SLOW);

  it("attack: a production server with a short SESSION_SECRET refuses to start", () => {
    const run = serve({ NODE_ENV: "production", FRAC_DEMO: undefined, SESSION_SECRET: "changeme", DATABASE_URL: `file:${path.join(tmp, "never2", "frac.db")}` });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("SESSION_SECRET is 8 characters long; production needs at least 32");
  }, SLOW);

  it("attack: `frac db:seed --demo` and `npm start` refuse to add demo accounts to a database with real users, leaving it unchanged", () => {
    const { file, env } = realDatabase("real");
    const before = fileHash(file);
    const seeded = frac(["db:seed", "--demo"], env);
    expect(seeded.code).toBe(1);
    expect(seeded.stderr).toContain("demo data not seeded: this database has real accounts (such as first.admin@cbc.gov.in)");
    expect(seeded.stderr).toContain("Nothing was written.");
    expect(fileHash(file)).toBe(before);

    const started = serve({ ...env, FRAC_DEMO: "1" });
    expect(started.code).toBe(1);
    expect(started.stderr).toContain("FRAC Studio will not start with FRAC_DEMO: this database has real accounts");
    const client = openClient(file);
    try {
      expect(client.db.select({ email: users.email, isDemo: users.isDemo }).from(users).all()).toEqual([{ email: "first.admin@cbc.gov.in", isDemo: false }]);
    } finally {
      client.sqlite.close();
    }
  }, SLOW);

  it("demo seeding leaves organisations someone already activated as they were", async () => {
    const client = openClient(path.join(tmp, "activated", "frac.db"));
    try {
      seedReference(client);
      const mof = mdoId("Ministry of Finance");
      const cbic = mdoId("Central Board of Indirect Taxes and Customs (CBIC)");
      client.db.update(mdos).set({ code: "FIN", active: true }).where(eq(mdos.id, mof)).run();
      client.db.update(mdos).set({ code: "CBIC", active: true, parentId: null }).where(eq(mdos.id, cbic)).run();
      const before = client.db.select().from(mdos).where(eq(mdos.id, mof)).get();
      const beforeCbic = client.db.select().from(mdos).where(eq(mdos.id, cbic)).get();
      await seedDemo(client);
      expect(client.db.select().from(mdos).where(eq(mdos.id, mof)).get()).toEqual(before);
      expect(client.db.select().from(mdos).where(eq(mdos.id, cbic)).get()).toEqual(beforeCbic);
      // the organisations it did activate got their demo codes
      expect(client.db.select({ code: mdos.code }).from(mdos).where(eq(mdos.id, mdoId("Ministry of Health and Family Welfare"))).get()?.code).toBe("MOHFW");
    } finally {
      client.sqlite.close();
    }
  });
});

describe("frac user disable | enable | reset-password", () => {
  it("has --help and answers bad calls with exit 2 and unknown users with exit 1, changing nothing", () => {
    const { file, env } = realDatabase("cli");
    const help = frac(["user", "--help"], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("reset-password EMAIL");
    const before = fileHash(file);
    const misuse = frac(["user", "disable", "first.admin@cbc.gov.in", "--role", "admin"], env);
    expect(misuse.code).toBe(2);
    expect(misuse.stderr).toContain("--role, --mdo and --name belong to create, not disable");
    const unknown = frac(["user", "disable", "nobody@cbc.gov.in"], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no user with email "nobody@cbc.gov.in"; nothing was changed');
    expect(fileHash(file)).toBe(before);
  }, SLOW);

  it("disables, enables and resets a password (printed once, must be changed), each audited", () => {
    const { file, env } = realDatabase("cli-ok");
    const off = frac(["user", "disable", "First.Admin@cbc.gov.in", "--json"], env);
    expect(off.code).toBe(0);
    expect(JSON.parse(off.stdout)).toEqual({ email: "first.admin@cbc.gov.in", disabled: true, changed: true });
    expect(frac(["user", "enable", "first.admin@cbc.gov.in"], env).stdout).toBe("first.admin@cbc.gov.in is enabled again.\n");
    const reset = frac(["user", "reset-password", "first.admin@cbc.gov.in", "--json"], env);
    expect(reset.code).toBe(0);
    expect(JSON.parse(reset.stdout).password).toMatch(/^[a-z2-9]{16}$/);
    const client = openClient(file);
    try {
      const actions = client.sqlite.prepare("select action from audit_log where entity = 'user' order by id").pluck().all();
      expect(actions).toEqual(["disable", "enable", "password-reset"]);
      expect(client.db.select({ must: users.mustChangePassword, disabled: users.disabled }).from(users).get()).toEqual({ must: true, disabled: false });
    } finally {
      client.sqlite.close();
    }
  }, SLOW);
});
