/**
 * Light pages: the JavaScript each route sends (gzip bytes, from the Remix build manifest) and the
 * time to a usable outline page on Chromium's "Slow 4G" profile. Also checks that the outline page
 * loads none of the graph editor's own files.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { chromium } from "playwright-core";

type ManifestRoute = { id: string; module: string; imports?: string[] };
type Manifest = { entry: { module: string; imports: string[] }; routes: Record<string, ManifestRoute> };

// Chromium DevTools' "Slow 4G" preset (the old "Fast 3G"): 1.6 Mbit/s down, 750 kbit/s up, 562.5 ms latency, each × 0.9 as DevTools applies.
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1000 * 1000) / 8 * 0.9, uploadThroughput: (750 * 1000) / 8 * 0.9 };

function readManifest(): Manifest {
  const dir = path.resolve("public/build");
  const file = fs.readdirSync(dir).find((f) => /^manifest-.*\.js$/u.test(f));
  if (!file) throw new Error("no Remix build manifest in public/build: run npm run build");
  const text = fs.readFileSync(path.join(dir, file), "utf8");
  return JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as Manifest;
}

/** The files a page of `routeId` loads: the entry, the root and the route, each with its imports. */
export function routeFiles(manifest: Manifest, routeId: string): Set<string> {
  const files = new Set<string>([manifest.entry.module, ...manifest.entry.imports]);
  for (const id of ["root", routeId]) {
    const route = manifest.routes[id];
    files.add(route.module);
    route.imports?.forEach((f) => files.add(f));
  }
  return files;
}

const gzipBytes = (url: string) => zlib.gzipSync(fs.readFileSync(path.resolve("public", url.replace(/^\//u, "")))).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

const ROUTES: [string, string][] = [
  ["routes/_index", "home"],
  ["routes/frameworks.$code._index", "outline"],
  ["routes/frameworks.$code.list", "edit as a list"],
  ["routes/dictionary._index", "dictionary"],
  ["routes/review._index", "review queue"],
  ["routes/frameworks.$code.versions._index", "versions"],
  ["routes/frameworks.$code.import", "import"],
  ["routes/frameworks.$code.edit", "graph editor"],
];

/** Gzip JavaScript per route, and whether the outline shares any file that only the editor needs. */
export function routeJsFigures(): { rows: [string, string, string][]; editorOnly: Set<string> } {
  const manifest = readManifest();
  const outline = routeFiles(manifest, "routes/frameworks.$code._index");
  const editorOnly = new Set([...routeFiles(manifest, "routes/frameworks.$code.edit")].filter((f) => !outline.has(f)));
  const rows = ROUTES.map(([id, name]): [string, string, string] => {
    const files = [...routeFiles(manifest, id)];
    const total = files.reduce((sum, f) => sum + gzipBytes(f), 0);
    return [`pages: JavaScript of the ${name} page (gzip)`, kb(total), `${files.length} files`];
  });
  const shared = [...editorOnly].filter((f) => outline.has(f));
  if (shared.length) throw new Error(`the outline page loads the editor's files: ${shared.join(", ")}`);
  return { rows, editorOnly };
}

/** Time from navigation to a hydrated outline page under Slow 4G, medians of `runs`; fails if an editor file is fetched. */
export async function slowOutlineFigures(base: string, login: { email: string; password: string }, code: string, runs: number, editorOnly: Set<string>): Promise<[string, string, string][]> {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/login`);
    await page.fill("input[name=email]", login.email);
    await page.fill("input[name=password]", login.password);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/login")), page.click("button[type=submit]")]);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
    const fetched: string[] = [];
    page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
    const usable: number[] = [];
    const readable: number[] = [];
    for (let i = 0; i < runs; i++) {
      await page.goto(`${base}/frameworks/${code}`, { waitUntil: "commit" });
      // Usable: Remix has hydrated, so links and the review buttons respond to the script.
      await page.waitForFunction(() => "__remixRouter" in window && document.readyState === "complete", undefined, { timeout: 120_000 });
      const t = await page.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        return { usable: performance.now(), readable: nav.domContentLoadedEventStart };
      });
      usable.push(t.usable);
      readable.push(t.readable);
    }
    const editorFetched = fetched.filter((f) => editorOnly.has(f));
    if (editorFetched.length) throw new Error(`the outline page fetched the editor's files: ${editorFetched.join(", ")}`);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return [
      [`pages: outline of ${code} readable (DOMContentLoaded), Slow 4G`, `${Math.round(median(readable))} ms`, "cache off"],
      [`pages: outline of ${code} usable (hydrated), Slow 4G`, `${Math.round(median(usable))} ms`, "no editor file fetched"],
    ];
  } finally {
    await browser.close();
  }
}
