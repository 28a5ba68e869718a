/**
 * Load figures (`BENCH_ONLY=load`), loopback only and bounded (about three and a half minutes):
 *   - autocannon, 50 connections for 20 s each, against the outline page, a dictionary search and
 *     the read API: requests/s, p50/p99 latency, errors and non-2xx answers;
 *   - editor saves from 100 ministries at a stepped rate (20, 50, 100, 200 saves/s, 30 s each),
 *     each a small save of four changes: errors, p50/p99 save time, and the writer's busy share
 *     (time the server's connection spent inside transactions, over the step's length).
 * The server is the shipped one (dist/serve.js) with tests/bench/load-probe.mjs preloaded, which
 * only times transactions. It signs nobody in over HTTP: sessions are made the way sign-in makes
 * them, so the sign-in limit is not involved; the read API is called with a token whose limit is
 * set out of reach (API_RATE_LIMIT), so the figures measure the app, not its rate limits.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import http from "node:http";
import autocannon from "autocannon";
import { openClient } from "../../db/client";

const MINISTRIES = 100;
const STEPS = [20, 50, 100, 200];
const STEP_SECONDS = Number(process.env.BENCH_LOAD_STEP_SECONDS ?? 30);
const CANNON_SECONDS = Number(process.env.BENCH_LOAD_CANNON_SECONDS ?? 20);
const SECRET = "bench-secret-bench-secret-bench-secret";
// The editor saves through a fetcher: a data request to the edit route, answered with JSON.
const SAVE_ROUTE = encodeURIComponent("routes/frameworks.$code.edit");

type Ministry = { code: string; cookie: string; roleId: string; activityIds: string[]; revision: number; busy: boolean };

const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (n: number) => (Number.isNaN(n) ? "–" : `${n.toFixed(n < 10 ? 1 : 0)} ms`);

/** 100 ministries, each with a small draft (a role and five activities), an author and a signed-in session. */
async function seedMinistries(dbFile: string): Promise<{ ministries: Ministry[]; readerCookie: string }> {
  const { sqlite } = openClient(dbFile);
  process.env.DATABASE_URL = `file:${dbFile}`;
  process.env.SESSION_SECRET = SECRET;
  const { startSession } = await import("../../app/session.server");
  const request = new Request("http://127.0.0.1/");
  const ministries: Ministry[] = [];
  const userRows: { userId: string; code: string; roleId: string; activityIds: string[] }[] = [];
  sqlite.transaction(() => {
    for (let i = 1; i <= MINISTRIES; i++) {
      const code = `LOAD${String(i).padStart(3, "0")}`;
      const mdoId = crypto.randomUUID();
      const frameworkId = crypto.randomUUID();
      const userId = crypto.randomUUID();
      sqlite.prepare("insert into mdos (id, code, name, active) values (?, ?, ?, 1)").run(mdoId, code, `Load test ministry ${i}`);
      sqlite.prepare("insert into frameworks (id, mdo_id, revision) values (?, ?, 1)").run(frameworkId, mdoId);
      sqlite.prepare("insert into users (id, email, name, password_hash) values (?, ?, ?, 'not-a-hash')").run(userId, `load${i}@frac.test`, `Load author ${i}`);
      sqlite.prepare("insert into memberships (id, user_id, mdo_id, role) values (?, ?, ?, 'author')").run(crypto.randomUUID(), userId, mdoId);
      const node = sqlite.prepare("insert into nodes (id, framework_id, kind, name, description, sort_order) values (?, ?, ?, ?, ?, ?)");
      const roleId = crypto.randomUUID();
      node.run(roleId, frameworkId, "role", `Role of ministry ${i}`, "Generated for the load bench.", 0);
      const activityIds = Array.from({ length: 5 }, (_, a) => {
        const id = crypto.randomUUID();
        node.run(id, frameworkId, "activity", `Activity ${a + 1} of ministry ${i}`, "Generated for the load bench.", a);
        sqlite.prepare("insert into links (id, framework_id, kind, from_id, to_node_id, sort_order) values (?, ?, 'role_activity', ?, ?, ?)").run(crypto.randomUUID(), frameworkId, roleId, id, a);
        return id;
      });
      userRows.push({ userId, code, roleId, activityIds });
    }
  })();
  // The reader of the outline page and the dictionary: an author of CBIC, the demo framework (about 170 nodes).
  const readerId = crypto.randomUUID();
  const cbic = sqlite.prepare("select id from mdos where code = 'CBIC'").get() as { id: string };
  sqlite.prepare("insert into users (id, email, name, password_hash) values (?, 'load-reader@frac.test', 'Load reader', 'not-a-hash')").run(readerId);
  sqlite.prepare("insert into memberships (id, user_id, mdo_id, role) values (?, ?, ?, 'author')").run(crypto.randomUUID(), readerId, cbic.id);
  sqlite.close();
  const cookieOf = async (userId: string) => (await startSession(request, { userId, ip: "127.0.0.1" })).split(";")[0];
  for (const row of userRows) ministries.push({ code: row.code, cookie: await cookieOf(row.userId), roleId: row.roleId, activityIds: row.activityIds, revision: 1, busy: false });
  return { ministries, readerCookie: await cookieOf(readerId) };
}

async function startLoadServer(dbFile: string, port: number): Promise<ChildProcess> {
  // why NODE_ENV=production: as a production install runs; without it React renders with its development build, 3–5× slower.
  // BENCH_CPU_PROF=DIR: the server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const server = spawn(process.execPath, [...profile, "--import", "./tests/bench/load-probe.mjs", "dist/serve.js"], {
    // why API_RATE_LIMIT out of reach: 50 connections for 20 s send tens of thousands of reads with one token.
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_URL: `file:${dbFile}`, FRAC_DEMO: "", SESSION_SECRET: SECRET, API_RATE_LIMIT: "1000000000", PUBLIC_READ_RATE: "1000000000" },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error("the load bench's server did not start");
}

function busyMs(server: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    server.once("message", (m: { busyMs: number }) => resolve(m.busyMs));
    server.send("busy?");
  });
}

async function cannon(base: string, label: string, path: string, headers: Record<string, string>): Promise<[string, string, string]> {
  const t0 = performance.now();
  const first = await fetch(`${base}${path}`, { headers, signal: AbortSignal.timeout(60_000) }).catch((e: Error) => e);
  if (first instanceof Error || first.status !== 200) {
    const what = first instanceof Error ? `no answer (${first.name})` : `status ${first.status}`;
    return [`load: ${label}`, "NOT RUN", `a first request got ${what} after ${((performance.now() - t0) / 1000).toFixed(1)} s`];
  }
  await first.arrayBuffer();
  const r = await autocannon({ url: `${base}${path}`, headers, connections: 50, duration: CANNON_SECONDS });
  const bad = r.errors + r.timeouts + r.non2xx;
  return [
    `load: ${label}, 50 connections × ${CANNON_SECONDS} s`,
    `${r.requests.average.toFixed(0)} req/s`,
    `p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms; ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx${bad > 0 ? " (NOT 0)" : ""}`,
  ];
}

/** One small save: a new activity under the ministry's role, a description changed, a node moved. */
function saveBody(m: Ministry, n: number): string {
  const id = crypto.randomUUID();
  return JSON.stringify({
    intent: "save",
    baseRevision: m.revision,
    ops: [
      { op: "node.create", id, kind: "activity", fields: { name: `Load activity ${n}` } },
      { op: "link.create", id: crypto.randomUUID(), kind: "role_activity", from: m.roleId, to: id },
      { op: "node.update", id: m.activityIds[n % 5], fields: { description: `Changed by save ${n}` } },
      { op: "node.move", id: m.activityIds[(n + 1) % 5], x: n % 1000, y: (n * 7) % 1000 },
    ],
  });
}

function post(agent: http.Agent, port: number, path: string, cookie: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, path, method: "POST", agent, headers: { Cookie: cookie, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

type Step = {
  rate: number;
  sent: number;
  ok: number;
  errors: number;
  conflicts: number;
  skipped: number;
  times: number[];
  busyShare: number;
  seconds: number;
  // What the errors were: status (or network error code) → count, and the first answer of each.
  why: Map<string, { count: number; first: string }>;
};

/** Saves at `rate` per second for STEP_SECONDS, open loop: a save is due every 1/rate s whatever the answers do. */
async function savesAt(rate: number, ministries: Ministry[], server: ChildProcess, port: number, agent: http.Agent): Promise<Step> {
  const step: Step = { rate, sent: 0, ok: 0, errors: 0, conflicts: 0, skipped: 0, times: [], busyShare: 0, seconds: 0, why: new Map() };
  const failed = (key: string, text: string) => {
    step.errors++;
    const seen = step.why.get(key);
    if (seen) seen.count++;
    else step.why.set(key, { count: 1, first: text.slice(0, 200) });
  };
  const inFlight = new Set<Promise<void>>();
  let next = 0;
  const busyBefore = await busyMs(server);
  const t0 = performance.now();
  const due = rate * STEP_SECONDS;
  let issued = 0;
  while (issued < due) {
    const shouldHave = Math.min(due, Math.floor(((performance.now() - t0) / 1000) * rate));
    for (; issued < shouldHave; issued++) {
      // A ministry's author saves one change set at a time (the editor waits for its answer); when
      // all 100 are waiting, the save is counted as skipped: the server is behind.
      let m: Ministry | undefined;
      for (let k = 0; k < ministries.length && !m; k++) {
        const candidate = ministries[(next + k) % ministries.length];
        if (!candidate.busy) {
          m = candidate;
          next = (next + k + 1) % ministries.length;
        }
      }
      if (!m) {
        step.skipped++;
        continue;
      }
      m.busy = true;
      step.sent++;
      const started = performance.now();
      const ministry = m;
      const p = post(agent, port, `/frameworks/${m.code}/edit?_data=${SAVE_ROUTE}`, m.cookie, saveBody(m, issued))
        .then(({ status, text }) => {
          step.times.push(performance.now() - started);
          if (status === 200) {
            step.ok++;
            ministry.revision = (JSON.parse(text) as { revision: number }).revision;
          } else if (status === 409) {
            step.conflicts++;
            const current = (JSON.parse(text) as { currentRevision?: number }).currentRevision;
            if (current !== undefined) ministry.revision = current;
          } else {
            failed(String(status), text);
          }
        })
        .catch((e: NodeJS.ErrnoException) => failed(e.code ?? "unreadable answer", e.message))
        .finally(() => {
          ministry.busy = false;
          inFlight.delete(p);
        });
      inFlight.add(p);
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  await Promise.all(inFlight);
  step.seconds = (performance.now() - t0) / 1000;
  step.busyShare = (await busyMs(server)) - busyBefore;
  step.busyShare /= step.seconds * 1000;
  return step;
}

/** The load section's table rows. */
export async function loadFigures(dbFile: string, port: number, token: string): Promise<[string, string, string][]> {
  const { ministries, readerCookie } = await seedMinistries(dbFile);
  const server = await startLoadServer(dbFile, port);
  const base = `http://127.0.0.1:${port}`;
  const rows: [string, string, string][] = [];
  try {
    if (CANNON_SECONDS > 0) {
      rows.push(await cannon(base, "outline page /frameworks/CBIC (signed in)", "/frameworks/CBIC", { Cookie: readerCookie }));
      rows.push(await cannon(base, "dictionary search /dictionary?q=decision (signed in)", "/dictionary?q=decision", { Cookie: readerCookie }));
      rows.push(await cannon(base, "read API /api/v1/frameworks/CBIC/versions/1.json (token)", "/api/v1/frameworks/CBIC/versions/1.json", { Authorization: `Bearer ${token}` }));
    }
    const agent = new http.Agent({ keepAlive: true, maxSockets: MINISTRIES });
    for (const rate of STEPS) {
      const s = await savesAt(rate, ministries, server, port, agent);
      for (const [key, { count, first }] of s.why) console.error(`load: ${rate}/s: ${count} × ${key}: ${first}`);
      rows.push([
        `load: editor saves at ${rate}/s from ${MINISTRIES} ministries, ${STEP_SECONDS} s (4 changes each)`,
        `${(s.ok / s.seconds).toFixed(0)} saves/s`,
        `p50 ${ms(percentile(s.times, 50))}, p99 ${ms(percentile(s.times, 99))}; ${s.errors} errors, ${s.conflicts} conflicts, ${s.skipped} not sent (all ministries waiting); writer busy ${(s.busyShare * 100).toFixed(0)} %`,
      ]);
    }
    agent.destroy();
  } finally {
    server.kill();
  }
  return rows;
}
