/**
 * `npm run bench`: figures for the graph editor on a generated framework of ~2,000 nodes and
 * ~6,000 links, measured on this machine in real Chromium against the built app.
 *   - navigation → first nodes shown and usable (a node can be selected), with stored positions
 *     and for a draft without them (as after an import);
 *   - navigation → automatic layout finished (draft without positions);
 *   - server time of a 50-change save, and a raw better-sqlite3 baseline of the same writes;
 *   - the shared validator on the whole document (it runs on every edit in the browser).
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { chromium } from "playwright-core";
import { openClient } from "../../db/client";
import { hashPassword } from "../../db/password";
import { seedDemo, seedReference } from "../../db/seed";
import { seedDemoHistory } from "../../app/models/demo/history.server";
import { writeBigFramework } from "../factories/big-framework";
import { compressedFigures, exportFigures, throughputFigures } from "./api";
import { helpFigures } from "./cli";
import { importBench } from "./import";
import { loadFigures } from "./load";
import { searchBench } from "./search";
import { insightBench } from "./insight";
import { dashboardBench } from "./dashboard";
import { routeJsFigures, slowOutlineFigures } from "./pages";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// BENCH_ONLY=editor|import|api|cli|load|pages|search|insight|dashboard: only that part's figures (api: export and read API; cli: frac --help; load: tests/bench/load.ts;
// pages: JavaScript per route and the outline page on Slow 4G; insight: demand and completeness of a 20,000-node framework; dashboard: /cbc with 700 ministries).
const ONLY = process.env.BENCH_ONLY;
const want = (part: "editor" | "import" | "api" | "cli" | "load" | "pages" | "search" | "insight" | "dashboard") => !ONLY || ONLY === part;
// BENCH_PORT: a port of your own on a shared machine; else one picked at random.
const PORT = Number(process.env.BENCH_PORT ?? 3190 + Math.floor(Math.random() * 100));
const BASE = `http://127.0.0.1:${PORT}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "frac-bench-"));
const dbFile = path.join(dir, "bench.db");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const SHAPE = { positions: 143, rolesPer: 2, activitiesPer: 5, competenciesPer: 3 };

async function setup() {
  const client = openClient(dbFile);
  seedReference(client);
  const stored = writeBigFramework(client, { code: "BENCHPOS", withPositions: true, ...SHAPE });
  const fresh = writeBigFramework(client, { code: "BENCHNEW", withPositions: false, ...SHAPE });
  const large = writeBigFramework(client, { code: "BENCH20K", withPositions: true, positions: 1500, rolesPer: 2, activitiesPer: 5, competenciesPer: 3 });
  await seedDemo(client);
  const cbic = client.sqlite.prepare("select id from mdos where code = 'CBIC'").get() as { id: string };
  const userId = crypto.randomUUID();
  const passwordHash = await hashPassword("bench-password");
  client.sqlite.prepare("insert into users (id, email, name, password_hash) values (?, ?, ?, ?)").run(userId, "bench@frac.test", "Bench author", passwordHash);
  for (const f of [stored, fresh, { mdoId: cbic.id }]) {
    client.sqlite.prepare("insert into memberships (id, user_id, mdo_id, role) values (?, ?, ?, 'author')").run(crypto.randomUUID(), userId, f.mdoId);
  }
  client.sqlite.close();
  process.env.DATABASE_URL = `file:${dbFile}`;
  seedDemoHistory();
  const { createToken } = await import("../../app/models/access/tokens.server");
  const created = createToken({ name: "bench", createdBy: null });
  if (!created.ok) throw new Error(created.message);
  return { stored, fresh, large, userId, token: created.token };
}

async function startServer() {
  // The shipped server: dist/serve.js, built by `npm run bench` (npm run build).
  // why NODE_ENV=production: as a production install runs; without it React renders with its development build, 3–5× slower.
  const server = spawn(process.execPath, ["dist/serve.js"], {
    // why API_RATE_LIMIT so high: the throughput run sends thousands of requests with one token; the limiter still counts every one.
    env: { ...process.env, NODE_ENV: "production", PORT: String(PORT), DATABASE_URL: `file:${dbFile}`, FRAC_DEMO: "", SESSION_SECRET: "bench-secret-bench-secret-bench-secret", API_RATE_LIMIT: "1000000000" },
    stdio: "ignore",
  });
  // why 60 s: on a loaded machine the first start (migrations, reference data, the build) is slow.
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${BASE}/healthz`)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error("the server did not start");
}

function forgetPositions(frameworkId: string) {
  const db = new Database(dbFile);
  db.prepare("update nodes set x = null, y = null where framework_id = ?").run(frameworkId);
  db.prepare("delete from competency_positions where framework_id = ?").run(frameworkId);
  db.close();
}

async function browserFigures(fresh: { frameworkId: string }) {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${BASE}/login`);
  await page.fill("#email", "bench@frac.test");
  await page.fill("#password", "bench-password");
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/login")), page.click("button[type=submit]")]);
  // In-page marks (ms since navigation start), so the figures are the page's own, not the test driver's polling.
  // why a string: tsx's transform wraps functions in helpers that do not exist inside the page.
  await page.addInitScript(`
    window.__marks = {};
    const mark = (k) => { if (window.__marks[k] === undefined) window.__marks[k] = Math.round(performance.now()); };
    new MutationObserver(() => {
      if (document.querySelector(".react-flow__node")) mark("node");
      if (document.querySelector(".side-panel .panel-title")) mark("panel");
      if (window.__marks.node && document.querySelector('.editor[data-layout="done"]')) mark("layout");
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-layout"] });
  `);
  const marks = () => page.evaluate("window.__marks") as Promise<Record<string, number>>;
  const out: Record<string, number[]> = { shownStored: [], usableStored: [], shownFresh: [], usableFresh: [], layoutFresh: [] };
  for (let run = 0; run < RUNS; run++) {
    for (const [code, suffix] of [["BENCHPOS", "Stored"], ["BENCHNEW", "Fresh"]] as const) {
      // why: the previous run's layout was saved; every "no positions" run starts as an import leaves it.
      if (suffix === "Fresh") forgetPositions(fresh.frameworkId);
      await page.goto(`${BASE}/frameworks/${code}/edit`, { waitUntil: "commit" });
      await page.waitForFunction("window.__marks && window.__marks.node", null, { polling: 50, timeout: 60_000 });
      // The first position sits at the canvas origin, drawn at the default viewport's offset (24, 16).
      // A person clicks until the node answers; the figure is when the click was first handled.
      const canvas = (await page.locator(".react-flow").boundingBox())!;
      for (let tries = 0; tries < 600 && !(await marks()).panel; tries++) {
        await page.mouse.click(canvas.x + 24 + 60, canvas.y + 16 + 25);
        await page.waitForTimeout(50);
      }
      if (suffix === "Fresh") {
        await page.waitForFunction("window.__marks.layout", null, { polling: 100, timeout: 120_000 });
      }
      const m = await marks();
      out[`shown${suffix}`].push(m.node);
      out[`usable${suffix}`].push(m.panel);
      if (suffix === "Fresh") out.layoutFresh.push(m.layout);
      // why: leave nothing unsaved, so the next navigation is not held by the beforeunload prompt.
      await page.locator('.save-status:has-text("All changes saved")').waitFor({ timeout: 60_000 });
    }
  }
  await browser.close();
  return out;
}

async function saveFigures(framework: { mdoId: string }, userId: string) {
  process.env.DATABASE_URL = `file:${dbFile}`;
  const { applyEditOps } = await import("../../app/models/draft-save/save.server");
  const { getClient } = await import("../../db/client");
  const { sqlite } = getClient();
  const save: number[] = [];
  const raw: number[] = [];
  const fw = sqlite.prepare("select id, revision from frameworks where mdo_id = ?").get(framework.mdoId) as { id: string; revision: number };
  const existing = sqlite.prepare("select id from nodes where framework_id = ? and kind = 'activity' limit 40").all(fw.id) as { id: string }[];
  const roles = sqlite.prepare("select id from nodes where framework_id = ? and kind = 'role' limit 10").all(fw.id) as { id: string }[];
  const kcm = (sqlite.prepare("select id from competencies where parent_id is null limit 10").all() as { id: string }[]).map((c) => c.id);
  for (let run = 0; run < 7; run++) {
    const changes = [];
    for (let i = 0; i < 10; i++) {
      const id = crypto.randomUUID();
      changes.push({ op: "node.create" as const, id, kind: "activity" as const, fields: { name: `Bench activity ${run}.${i}` } });
      changes.push({ op: "link.create" as const, id: crypto.randomUUID(), kind: "role_activity" as const, from: roles[i].id, to: id });
      changes.push({ op: "link.create" as const, id: crypto.randomUUID(), kind: "activity_competency" as const, from: id, to: kcm[i], level: 2 });
      changes.push({ op: "node.update" as const, id: existing[i].id, fields: { description: `Changed in run ${run}` } });
      changes.push({ op: "node.move" as const, id: existing[20 + i].id, x: run * 10 + i, y: i * 90 });
    }
    const revision = (sqlite.prepare("select revision from frameworks where id = ?").get(fw.id) as { revision: number }).revision;
    const t0 = performance.now();
    const result = applyEditOps({ mdoId: framework.mdoId, userId, baseRevision: revision, ops: changes });
    save.push(performance.now() - t0);
    if (!result.ok) throw new Error(`bench save refused: ${result.message}`);

    // Raw floor: the same number of row writes with prepared statements in one transaction, no checks.
    const ins = sqlite.prepare("insert into nodes (id, framework_id, kind, name) values (?, ?, 'activity', ?)");
    const upd = sqlite.prepare("update nodes set description = ? where id = ?");
    const t1 = performance.now();
    sqlite.transaction(() => {
      for (let i = 0; i < 30; i++) ins.run(crypto.randomUUID(), fw.id, `raw ${run}.${i}`);
      for (let i = 0; i < 20; i++) upd.run(`raw ${run}`, existing[i].id);
    })();
    raw.push(performance.now() - t1);
  }
  return { save, raw };
}

async function validatorFigure(mdoId: string) {
  const { loadDraftDocument } = await import("../../app/models/draft/document.server");
  const { validateFracDocument } = await import("../../schemas/validator");
  const doc = loadDraftDocument({ mdoId })!;
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    validateFracDocument(doc);
    times.push(performance.now() - t0);
  }
  return { times, nodes: doc.nodes.length, links: doc.links.length };
}

async function editorFigures(stored: { mdoId: string }, fresh: { mdoId: string; frameworkId: string }, userId: string): Promise<[string, string, string][]> {
  const b = await browserFigures(fresh);
  const s = await saveFigures(stored, userId);
  const v = await validatorFigure(fresh.mdoId);
  return [
    ["editor: first nodes shown, stored positions", ms(median(b.shownStored)), "from navigation start"],
    ["editor: first node selected by a click, stored positions", ms(median(b.usableStored)), "usable; target < 2,000 ms"],
    ["editor: first nodes shown, no positions (after import)", ms(median(b.shownFresh)), "from navigation start"],
    ["editor: first node selected by a click, no positions", ms(median(b.usableFresh)), "usable; target < 2,000 ms"],
    ["editor: automatic layout finished (elkjs in a Web Worker)", ms(median(b.layoutFresh)), "nodes usable meanwhile"],
    ["server: save of 50 changes (one transaction, checks, audit)", ms(median(s.save)), "target < 100 ms"],
    ["raw floor: 50 row writes, prepared, one transaction", ms(median(s.raw)), `save / raw = ${(median(s.save) / median(s.raw)).toFixed(1)}×`],
    [`validator: whole document (${v.nodes} nodes, ${v.links} links)`, ms(median(v.times)), "runs on every edit"],
  ];
}

if (ONLY === "search" || ONLY === "insight" || ONLY === "dashboard") {
  // why apart: search, insight and the dashboard need databases of their own and no server or browser.
  try {
    const rows = ONLY === "search" ? await searchBench(dir) : ONLY === "insight" ? await insightBench(dir) : await dashboardBench(dir);
    const w = Math.max(...rows.map((r) => r[0].length));
    console.log(`\nFRAC Studio benchmarks · ${os.cpus().length} cores · Node ${process.version} · ${ONLY} only (BENCH_ONLY=${ONLY})\n`);
    for (const [name, value, note] of rows) console.log(`${name.padEnd(w)}  ${value.padStart(10)}  ${note}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}

const { stored, fresh, large, userId, token } = await setup();
const server = await startServer();
try {
  const rows: [string, string, string][] = [];
  if (want("search")) rows.push(...(await searchBench(dir)));
  if (want("insight")) rows.push(...(await insightBench(dir, { dbFile, ...large })));
  if (want("dashboard")) rows.push(...(await dashboardBench(dir)));
  if (want("cli")) rows.push(...helpFigures());
  if (want("pages")) {
    const js = routeJsFigures();
    rows.push(...js.rows);
    rows.push(...(await slowOutlineFigures(BASE, { email: "bench@frac.test", password: "bench-password" }, "CBIC", RUNS, js.editorOnly)));
  }
  if (want("editor")) rows.push(...(await editorFigures(stored, fresh, userId)));
  if (want("import") && process.env.BENCH_SKIP_IMPORT !== "1") rows.push(...(await importBench(dir, RUNS)));
  if (want("api")) {
    rows.push(...(await exportFigures(dbFile, large.mdoId, RUNS)));
    rows.push(...(await throughputFigures(BASE, token, "/api/v1/frameworks/CBIC/versions/1.json", RUNS)));
    rows.push(...(await compressedFigures(BASE, token, "/api/v1/frameworks/CBIC/versions/1.json", RUNS)));
  }
  // why its own server, next to the app's port: it is started with a probe that times the writer's transactions.
  if (want("load")) rows.push(...(await loadFigures(dbFile, PORT + 5, token)));
  const w = Math.max(...rows.map((r) => r[0].length));
  const scope = ONLY ? `${ONLY} only (BENCH_ONLY=${ONLY})` : `editor: ${stored.nodes} nodes / ${stored.links} links`;
  console.log(`\nFRAC Studio benchmarks · ${os.cpus().length} cores · Node ${process.version} · ${scope} · medians of ${RUNS} runs (server save and validator: 7)\n`);
  console.log(`${"figure".padEnd(w)}  ${"median".padStart(10)}  note`);
  for (const [name, value, note] of rows) console.log(`${name.padEnd(w)}  ${value.padStart(10)}  ${note}`);
} finally {
  server.kill();
  fs.rmSync(dir, { recursive: true, force: true });
}
