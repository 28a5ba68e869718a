/**
 * The import page's worker threads (docs/decisions/013): the server keeps answering while a large
 * file is read, a ministry takes one import at a time, other ministries' imports run beside it,
 * and a worker that runs out of memory or time is a refusal that wrote nothing.
 */
import Papa from "papaparse";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getClient } from "@db/client";
import { loader as healthz } from "~/routes/healthz";
import { loader as outline } from "~/routes/frameworks.$code._index";
import { importsInProgress } from "~/models/import/runner.server";
import { generateRows } from "../bench/import";
import { databaseRows } from "../support/db-state";
import { AUTHOR, CBIC_ROW, flatCsv, postImport, unchangedBy } from "../factories/import";
import { requestAs } from "../support/request";

const HEADERS = ["Position", "Position description", "Role", "Role description", "Activity", "Activity description", "Competency", "Competency type", "Required level"];
const OTHER_AUTHOR = "other-author@frac.test";
const MOHFW_ROW = "Medical officer,Outpatient care,Triage patients,Communication,Behavioural,2";

let big: string;
beforeAll(() => {
  const themes = getClient().sqlite.prepare("select name, type from competencies where parent_id is null and mdo_id is null order by sort_order").all() as { name: string; type: string }[];
  big = Papa.unparse([HEADERS, ...generateRows(20_000, themes)]);
});

const saved = { ...process.env };
afterEach(() => {
  for (const key of ["IMPORT_MEMORY_MB", "IMPORT_CONCURRENCY", "IMPORT_QUEUE_MAX", "IMPORT_TIMEOUT_SECONDS", "NODE_ENV"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

/** Resolves once `check` holds, polling every 10 ms (a worker is started after the upload has been read). */
async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("imports in a worker thread", () => {
  it("leave the server answering other requests while a 20,000-row file is read", async () => {
    const page = await requestAs(OTHER_AUTHOR, "/frameworks/MOHFW");
    let importDone = 0;
    const running = postImport(AUTHOR, "CBIC", { name: "big.csv", bytes: big }).then((r) => ((importDone = performance.now()), r));
    await until(() => importsInProgress().running === 1);
    await new Promise((r) => setTimeout(r, 300));
    const asked = performance.now();
    const health = await healthz();
    const outlinePage = await outline({ request: page, params: { code: "MOHFW" }, context: {} });
    const answered = performance.now();
    const result = await running;
    expect(result.status).toBe(200);
    expect((result.body.preview as { rowCount: number }).rowCount).toBe(20_000);
    expect(health.status).toBe(200);
    expect(outlinePage.status).toBe(200);
    expect(importDone, "the import finished before the other requests were answered").toBeGreaterThan(answered);
    expect(answered - asked, "the health check and an outline page took this long while the import ran").toBeLessThan(1000);
  });

  it("refuse a second import into the same ministry while one runs (409), and run another ministry's beside it", async () => {
    const first = postImport(AUTHOR, "CBIC", { name: "big.csv", bytes: big });
    await until(() => importsInProgress().ministries === 1);
    const second = await unchangedBy(() => postImport(AUTHOR, "CBIC", { name: "small.csv", bytes: flatCsv(CBIC_ROW) }, { intent: "apply" }));
    expect(second.status).toBe(409);
    expect(second.body.message).toMatch(/Another import into CBIC .* still running; a ministry takes one import at a time\. .*Nothing was imported/u);
    const beside = postImport(OTHER_AUTHOR, "MOHFW", { name: "mohfw.csv", bytes: flatCsv(MOHFW_ROW) });
    // Both hold a turn at once: MOHFW's neither waits for CBIC's nor is refused.
    await until(() => importsInProgress().running === 2);
    expect(importsInProgress().waiting).toBe(0);
    const other = await beside;
    expect(other.status, JSON.stringify(other.body)).toBe(200);
    expect((await first).status).toBe(200);
    expect(importsInProgress()).toEqual({ running: 0, waiting: 0, ministries: 0 });
    const again = await postImport(AUTHOR, "CBIC", { name: "small.csv", bytes: flatCsv(CBIC_ROW) });
    expect(again.status, "the ministry is free again once its import has ended").toBe(200);
  });

  it("make another ministry wait for a turn when every worker is busy, and refuse it (503) when the queue is full", async () => {
    process.env.IMPORT_CONCURRENCY = "1";
    process.env.IMPORT_QUEUE_MAX = "0";
    const first = postImport(AUTHOR, "CBIC", { name: "big.csv", bytes: big });
    await until(() => importsInProgress().running === 1);
    const refused = await unchangedBy(() => postImport(OTHER_AUTHOR, "MOHFW", { name: "mohfw.csv", bytes: flatCsv(MOHFW_ROW) }, { intent: "apply" }));
    expect(refused.status).toBe(503);
    expect(refused.body.message).toBe("The server is busy with other ministries' imports. Try again in a few minutes; nothing was imported.");
    process.env.IMPORT_QUEUE_MAX = "1";
    expect(importsInProgress().running, "CBIC's import is still running").toBe(1);
    const waiting = postImport(OTHER_AUTHOR, "MOHFW", { name: "mohfw.csv", bytes: flatCsv(MOHFW_ROW) });
    await until(() => importsInProgress().waiting === 1);
    expect((await first).status).toBe(200);
    expect((await waiting).status).toBe(200);
    expect(importsInProgress()).toEqual({ running: 0, waiting: 0, ministries: 0 });
  });

  it("refuse a file that needs more memory than IMPORT_MEMORY_MB (413), writing nothing, while a small file still imports", async () => {
    process.env.IMPORT_MEMORY_MB = "48";
    const refused = await unchangedBy(() => postImport(AUTHOR, "CBIC", { name: "big.csv", bytes: big }, { intent: "apply" }));
    expect(refused.status).toBe(413);
    expect(refused.body.message).toBe(
      "Reading this file needs more memory than an import may use (48 MB). Nothing was imported. Split it into smaller files and import them one after another.",
    );
    const before = databaseRows();
    const small = await postImport(AUTHOR, "CBIC", { name: "small.csv", bytes: flatCsv(CBIC_ROW) }, { intent: "apply" });
    expect(small.status, JSON.stringify(small.body)).toBe(200);
    expect(databaseRows().nodes.length).toBe(before.nodes.length + 1);
  });

  it("stop an import that runs past IMPORT_TIMEOUT_SECONDS (503), writing nothing", async () => {
    process.env.IMPORT_TIMEOUT_SECONDS = "1";
    const refused = await unchangedBy(() => postImport(AUTHOR, "CBIC", { name: "big.csv", bytes: big }, { intent: "apply" }));
    expect(refused.status).toBe(503);
    expect(refused.body.message).toMatch(/^The import took longer than 1 s and was stopped\. Nothing was imported\./u);
    expect(importsInProgress()).toEqual({ running: 0, waiting: 0, ministries: 0 });
  });

  it("run from the TypeScript source through tsx in development", async () => {
    process.env.NODE_ENV = "development";
    const result = await postImport(AUTHOR, "CBIC", { name: "small.csv", bytes: flatCsv(CBIC_ROW) });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect((result.body.preview as { rowCount: number }).rowCount).toBe(1);
  });
});
