// Builds one migrated, seeded database (reference + demo data) per run; each test file copies it.
import fs from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { openClient } from "../../db/client";
import { seedDemo, seedReference } from "../../db/seed";
import { seedDemoHistory } from "../../app/models/demo/history.server";

// why per run: two runs at once (two terminals, or a watcher) must not delete each other's copies.
const BASE_DIR = path.resolve(`tests/.tmp/integration-${process.pid}`);
const BASE_DB = path.join(BASE_DIR, "base.db");

export default async function setup() {
  // The CLI tests run the shipped JavaScript (bin/frac.js → dist/), so build it once per run.
  execFileSync(process.execPath, ["scripts/build-node.mjs"], { stdio: "inherit" });
  fs.rmSync(BASE_DIR, { recursive: true, force: true });
  fs.mkdirSync(BASE_DIR, { recursive: true });
  process.env.FRAC_TEST_BASE_DB = BASE_DB;
  const client = openClient(BASE_DB);
  seedReference(client);
  await seedDemo(client);
  seedDemoHistory({ client });
  client.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  client.sqlite.close();
  return () => fs.rmSync(BASE_DIR, { recursive: true, force: true });
}
