/**
 * Whole-process figures of the shipped CLI (dist/, built by `npm run build`): `frac --help`
 * against a bare `node -e 0`, and `frac import` of a 50,000-row flat CSV against the raw floor
 * run as a whole process too (papaparse + prepared inserts in one transaction, the same child
 * as import.ts, bundled to JavaScript so that neither side compiles TypeScript when it starts).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Wall time of a whole process, in ms; throws when it fails. */
function timed(args: string[], env: Record<string, string> = {}): { ms: number; stdout: string } {
  const t0 = performance.now();
  const out = spawnSync(process.execPath, args, { encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (out.status !== 0) throw new Error(`${args.join(" ")} exited ${out.status}: ${out.stderr.slice(-1500)}`);
  return { ms, stdout: out.stdout };
}

/** `frac --help` and `frac export --help` whole-process against `node -e 0`, medians of 11. */
export function helpFigures(): [string, string, string][] {
  const bare: number[] = [];
  const help: number[] = [];
  const sub: number[] = [];
  for (let i = 0; i < 11; i++) {
    bare.push(timed(["-e", "0"]).ms);
    help.push(timed(["bin/frac.js", "--help"]).ms);
    sub.push(timed(["bin/frac.js", "import", "--help"]).ms);
  }
  const ratio = median(help) / median(bare);
  return [
    ["CLI: `frac --help`, whole process", `${median(help).toFixed(0)} ms`, `node -e 0: ${median(bare).toFixed(0)} ms; ratio ${ratio.toFixed(2)}× (target ≤ 5×)`],
    ["CLI: `frac import --help`, whole process", `${median(sub).toFixed(0)} ms`, `ratio ${(median(sub) / median(bare)).toFixed(2)}× to node -e 0`],
  ];
}

/** The raw floor's child as JavaScript under dist/ (one level below the root, like the CLI's chunks). */
async function bundledChild(): Promise<string> {
  const outfile = path.resolve("dist/bench-import-child.js");
  await build({ entryPoints: ["tests/bench/import-child.ts"], outfile, bundle: true, format: "esm", platform: "node", target: "node20", packages: "external", tsconfig: "tsconfig.json", logLevel: "warning" });
  return outfile;
}

/** Whole-process `frac import` (apply) of `csvFile` against the whole-process raw floor, pair by pair. */
export async function importWholeProcess(csvFile: string, rows: number, dir: string, base: string, runs: number): Promise<[string, string, string][]> {
  const child = await bundledChild();
  const pairs: { frac: number; fracInside: number; raw: number; rawInside: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const rawDb = path.join(dir, `whole-raw-${i}.db`);
    const fracDb = path.join(dir, `whole-frac-${i}.db`);
    const inDb = path.join(dir, `whole-in-${i}.db`);
    for (const f of [rawDb, fracDb, inDb]) fs.copyFileSync(base, f);
    const raw = timed([child, "raw", csvFile, rawDb]);
    const rawInside = (JSON.parse(raw.stdout.trim().split("\n").at(-1)!) as { ms: number }).ms;
    const inside = timed([child, "apply", csvFile, inDb]);
    const fracInside = (JSON.parse(inside.stdout.trim().split("\n").at(-1)!) as { ms: number }).ms;
    const frac = timed(["bin/frac.js", "import", csvFile, "--mdo", "BENCHIMP", "--json"], { DATABASE_URL: `file:${fracDb}` });
    const report = JSON.parse(frac.stdout) as { applied: boolean; created: { activity: number } };
    if (!report.applied) throw new Error("the whole-process import did not apply");
    pairs.push({ frac: frac.ms, fracInside, raw: raw.ms, rawInside });
    for (const f of [rawDb, fracDb, inDb]) for (const s of ["", "-wal", "-shm"]) fs.rmSync(f + s, { force: true });
  }
  const whole = median(pairs.map((p) => p.frac / p.raw));
  const inProcess = median(pairs.map((p) => p.fracInside / p.rawInside));
  const n = rows.toLocaleString("en-IN");
  return [
    [`import: ${n}-row flat CSV, \`frac import\` whole process (apply)`, `${(median(pairs.map((p) => p.frac)) / 1000).toFixed(2)} s`, `raw floor whole process ${(median(pairs.map((p) => p.raw)) / 1000).toFixed(2)} s`],
    [`import: ${n} rows, whole-process ratio frac / raw floor`, `${whole.toFixed(2)}×`, "target ≤ 2.5× (pairwise median)"],
    [`import: ${n} rows, in-process ratio apply / raw floor`, `${inProcess.toFixed(2)}×`, `apply ${(median(pairs.map((p) => p.fracInside)) / 1000).toFixed(2)} s, raw ${(median(pairs.map((p) => p.rawInside)) / 1000).toFixed(2)} s inside their processes`],
  ];
}
