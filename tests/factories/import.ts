/**
 * Import tests' helpers: files to upload (the flat layout's header, rows, encodings), the import
 * route's action called as the browser calls it, and the CLI run against its own database copy
 * with proof that a refused import left that file byte-for-byte as it was.
 */
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { action, loader } from "~/routes/frameworks.$code.import";
import { frac } from "../support/cli";
import { cliDatabase, databaseRows } from "../support/db-state";
import { requestAs } from "../support/request";

export const AUTHOR = "author@frac.test";
export const FLAT_HEADER = "Position,Role,Activity,Competency,Competency type,Required level";

/** A flat-layout CSV: the header and these rows, CRLF line ends. */
export const flatCsv = (...rows: string[]) => [FLAT_HEADER, ...rows].join("\r\n") + "\r\n";
/** A valid CBIC row: an existing position and role, a new activity, a CBIC Domain competency. */
export const CBIC_ROW = "Examiner,Cargo examination,Weigh the consignment,Customs valuation,Domain,3";

export type Upload = { name: string; bytes: Uint8Array | string };
// why the copy: File wants bytes over a plain ArrayBuffer, and a subarray of a Buffer may sit on a shared one.
const toBytes = (b: Uint8Array | string) => (typeof b === "string" ? new Uint8Array(Buffer.from(b, "utf8")) : new Uint8Array(b));

/** Posts a file to the import action of `code` as `email`, as the page's fetcher does; a thrown Response is returned. */
export async function postImport(email: string | null, code: string, file: Upload | null, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set("intent", "preview");
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set("file", new File([toBytes(file.bytes)], file.name));
  const request = await requestAs(email, `/frameworks/${code}/import`, { method: "POST", body: form });
  return respond(() => action({ request, params: { code }, context: {} }));
}

/** The import page's loader for `code` as `email`; a thrown Response is returned. */
export async function getImportPage(email: string | null, code: string) {
  const request = await requestAs(email, `/frameworks/${code}/import`);
  return respond(() => loader({ request, params: { code }, context: {} }));
}

async function respond(run: () => Promise<Response>): Promise<{ status: number; body: { ok?: boolean; message?: string; [k: string]: unknown } }> {
  let response: Response;
  try {
    response = await run();
  } catch (e) {
    if (!(e instanceof Response)) throw e;
    response = e;
  }
  const isJson = response.headers.get("Content-Type")?.includes("json");
  return { status: response.status, body: isJson ? await response.json() : { location: response.headers.get("Location") } };
}

/** Runs `attempt` and asserts that no table of the test database changed; returns what it returned. */
export async function unchangedBy<T>(attempt: () => Promise<T> | T): Promise<T> {
  const before = databaseRows();
  const result = await attempt();
  expect(databaseRows()).toEqual(before);
  return result;
}

/** The CLI against a private database copy; `importRefused` checks the file is byte-for-byte unchanged. */
export function cliImporter() {
  const db = cliDatabase();
  const write = (name: string, bytes: Uint8Array | string) => {
    const file = path.join(db.dir, name);
    fs.writeFileSync(file, toBytes(bytes));
    return file;
  };
  const run = (args: string[]) => frac(args, db.env);
  return {
    db,
    write,
    run,
    /** Runs `frac import FILE --mdo CODE …`, expects `exitCode`, and that the database file did not change. */
    importRefused(file: string, exitCode: 1 | 2, extra: string[] = ["--mdo", "CBIC"]) {
      const before = db.sha256();
      const out = run(["import", file, ...extra]);
      expect({ code: out.code, stderr: out.stderr }).toMatchObject({ code: exitCode });
      expect(db.sha256()).toBe(before);
      expect(db.leftovers()).toEqual([]);
      return out;
    },
  };
}
