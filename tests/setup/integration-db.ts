// Gives every test file its own copy of the seeded base database (never one file shared by workers).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { closeClient } from "../../db/client";

const base = path.resolve("tests/.tmp/integration/base.db");
const file = path.resolve(`tests/.tmp/integration/test-${process.pid}-${crypto.randomUUID()}.db`);
fs.copyFileSync(base, file);
process.env.DATABASE_URL = `file:${file}`;
process.env.FRAC_DEMO = "1";
process.env.SESSION_SECRET = "integration-test-secret-not-for-production";

afterAll(() => {
  closeClient();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});
