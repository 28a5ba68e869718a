import { spawnSync } from "node:child_process";
import path from "node:path";

const BIN = path.resolve("bin/frac.js");

/** Runs the real `frac` CLI in a child process against this test file's database. */
export function frac(args: string[], env: Record<string, string | undefined> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 60_000,
    // why: a CASE package of the demo framework is over a megabyte, past spawnSync's default.
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
