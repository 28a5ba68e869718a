// Gives every test file its own copy of the seeded base database (never one file shared by workers).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { closeClient } from "../../db/client";

const base = process.env.FRAC_TEST_BASE_DB;
if (!base) throw new Error("FRAC_TEST_BASE_DB is not set: the integration global setup did not run");
const file = path.join(path.dirname(base), `test-${process.pid}-${crypto.randomUUID()}.db`);
fs.copyFileSync(base, file);
process.env.DATABASE_URL = `file:${file}`;
process.env.FRAC_DEMO = "1";
process.env.SESSION_SECRET = "integration-test-secret-not-for-production";

afterAll(() => {
  closeClient();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});
