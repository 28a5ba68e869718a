/**
 * Import figures: a generated 100,000-row flat CSV (realistic lengths, a fifth of the names in
 * Devanagari) and a 10,000-row .xlsx, each imported into an empty draft in its own process,
 * against a raw floor measured in the same run (papaparse + prepared inserts, one transaction).
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { openClient } from "../../db/client";
import { seedReference } from "../../db/seed";
import { importWholeProcess } from "./cli";

const HEADERS = ["Position", "Position description", "Role", "Role description", "Activity", "Activity description", "Competency", "Competency type", "Required level"];
const HINDI = ["अधीक्षक", "निरीक्षक", "मूल्यांकन", "सीमा शुल्क", "राजस्व", "प्रशासन"];

function text(seed: number, min: number, max: number): string {
  const words = ["review", "assess", "prepare", "customs", "revenue", "records", "examine", "verify", "report", "budget", "policy", "audit", "cargo", "returns", "appeals"];
  const len = min + (seed % (max - min));
  let out = "";
  for (let i = 0; out.length < len; i++) out += `${words[(seed + i * 7) % words.length]} `;
  return out.slice(0, len).trim();
}
const name = (kind: string, i: number) => (i % 5 === 0 ? `${HINDI[i % HINDI.length]} ${kind} ${i}` : `${kind} ${i} ${text(i, 20, 60)}`);

/** The rows of a flat file: positions × roles × activities × competencies. */
export function generateRows(target: number, themes: { name: string; type: string }[]): string[][] {
  const rows: string[][] = [];
  for (let p = 0; rows.length < target; p++) {
    for (let r = 0; r < 5 && rows.length < target; r++) {
      const role = p * 5 + r;
      for (let a = 0; a < 5 && rows.length < target; a++) {
        const act = role * 5 + a;
        for (let c = 0; c < 4 && rows.length < target; c++) {
          const t = themes[(act + c * 9) % themes.length];
          rows.push([name("Position", p), text(p, 100, 400), name("Role", role), text(role, 100, 400), name("Activity", act), text(act, 100, 400), t.name, t.type, String(1 + ((act + c) % 5))]);
        }
      }
    }
  }
  return rows;
}

function baseDatabase(dir: string): { base: string; themes: { name: string; type: string }[] } {
  const base = path.join(dir, "base.db");
  const client = openClient(base);
  seedReference(client);
  const mdo = client.sqlite.prepare("select id from mdos where active = 0 limit 1").get() as { id: string };
  client.sqlite.prepare("update mdos set active = 1, code = 'BENCHIMP' where id = ?").run(mdo.id);
  client.sqlite.prepare("insert into frameworks (id, mdo_id) values (?, ?)").run(crypto.randomUUID(), mdo.id);
  const themes = client.sqlite.prepare("select name, type from competencies where parent_id is null order by sort_order").all() as { name: string; type: string }[];
  client.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  client.sqlite.close();
  return { base, themes };
}

type Run = { mode: string; ms: number; rows: number; maxRssMB: number; chainMs?: number; auditRows?: number };

function measure(mode: string, file: string, dir: string, base: string, i: number): Run {
  const db = path.join(dir, `${mode}-${i}.db`);
  fs.copyFileSync(base, db);
  const out = spawnSync(process.execPath, ["--import", "tsx", "tests/bench/import-child.ts", mode, file, db], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (out.status !== 0) throw new Error(`import bench ${mode} failed: ${out.stderr.slice(-2000)}`);
  fs.rmSync(db, { force: true });
  return JSON.parse(out.stdout.trim().split("\n").at(-1)!) as Run;
}

/** Runs the import benchmark; returns table rows [figure, value, note]. */
export async function importBench(dir: string, runs: number): Promise<[string, string, string][]> {
  const { base, themes } = baseDatabase(dir);
  const csvFile = path.join(dir, "flat-100k.csv");
  const rows = generateRows(100_000, themes);
  fs.writeFileSync(csvFile, "\uFEFF" + Papa.unparse({ fields: HEADERS, data: rows }, { newline: "\r\n" }));
  const xlsxFile = path.join(dir, "flat-10k.xlsx");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("FRAC");
  ws.addRow(HEADERS);
  for (const r of rows.slice(0, 10_000)) ws.addRow(r);
  await wb.xlsx.writeFile(xlsxFile);

  const csv50k = path.join(dir, "flat-50k.csv");
  fs.writeFileSync(csv50k, "\uFEFF" + Papa.unparse({ fields: HEADERS, data: rows.slice(0, 50_000) }, { newline: "\r\n" }));
  if (process.env.BENCH_IMPORT_CHAIN_ONLY === "1") return chainShare(csv50k, dir, base, runs);
  const whole = await importWholeProcess(csv50k, 50_000, dir, base, runs);
  if (process.env.BENCH_IMPORT_50K_ONLY === "1") return whole;

  const by: Record<string, Run[]> = { raw: [], dry: [], apply: [], xlsx: [] };
  for (let i = 0; i < runs; i++) {
    by.raw.push(measure("raw", csvFile, dir, base, i));
    by.apply.push(measure("apply", csvFile, dir, base, i));
  }
  by.dry.push(measure("dry", csvFile, dir, base, 0));
  by.xlsx.push(measure("apply", xlsxFile, dir, base, 99));
  const med = (xs: Run[], k: "ms" | "maxRssMB") => [...xs].map((x) => x[k]).sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const size = (fs.statSync(csvFile).size / 1024 / 1024).toFixed(0);
  const rate = (ms: number, n: number) => `${Math.round(n / (ms / 1000)).toLocaleString("en-IN")} rows/s`;
  const ratios = by.apply.map((a, i) => a.ms / by.raw[i].ms).sort((a, b) => a - b);
  return [
    ...whole,
    [`import: 100,000-row flat CSV (${size} MB), dry run (read, check, plan)`, `${(med(by.dry, "ms") / 1000).toFixed(2)} s`, `${rate(med(by.dry, "ms"), 100_000)}, peak ${med(by.dry, "maxRssMB")} MB`],
    ["import: 100,000-row flat CSV, apply (dry run + one transaction)", `${(med(by.apply, "ms") / 1000).toFixed(2)} s`, `${rate(med(by.apply, "ms"), 100_000)}, peak ${med(by.apply, "maxRssMB")} MB; target peak < 1 GB`],
    ["raw floor: papaparse + prepared inserts of the same nodes and links", `${(med(by.raw, "ms") / 1000).toFixed(2)} s`, `peak ${med(by.raw, "maxRssMB")} MB`],
    ["import apply / raw floor (pairwise median)", `${ratios[Math.floor(ratios.length / 2)].toFixed(2)}×`, "in-process (each in its own child)"],
    ...chainShare(csv50k, dir, base, 1),
    ["import: 10,000-row .xlsx, apply", `${(med(by.xlsx, "ms") / 1000).toFixed(2)} s`, `${rate(med(by.xlsx, "ms"), 10_000)}, peak ${med(by.xlsx, "maxRssMB")} MB`],
  ];
}

/** The audit hash chain's share of a 50,000-row apply: the chain's sha256s timed apart in the same process. */
function chainShare(file: string, dir: string, base: string, runs: number): [string, string, string][] {
  const chained = Array.from({ length: runs }, (_, i) => measure("chain", file, dir, base, 200 + i));
  const share = chained.map((r) => r.chainMs! / r.ms).sort((a, b) => a - b)[Math.floor(runs / 2)];
  const mid = chained.find((r) => r.chainMs! / r.ms === share)!;
  return [
    [
      "import: audit hash chain, 50,000-row apply",
      `${mid.chainMs!.toFixed(0)} ms`,
      `${(share * 100).toFixed(1)} % of the apply (${(mid.ms / 1000).toFixed(2)} s); ${mid.auditRows!.toLocaleString("en-IN")} audit rows, one sha256 each (median of ${runs})`,
    ],
  ];
}
