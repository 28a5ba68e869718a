// The database holds every ministry's drafts: on a shared machine, other accounts must not read it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openClient } from "@db/client";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "frac-mode-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe("a new database file", () => {
  it("is created readable by its owner only, with its -wal and -shm files, in an owner-only directory", () => {
    const file = path.join(dir, "new", "frac.db");
    const { sqlite } = openClient(file);
    try {
      sqlite.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1);");
      expect(modeOf(file)).toBe(0o600);
      expect(modeOf(`${file}-wal`)).toBe(0o600);
      expect(modeOf(`${file}-shm`)).toBe(0o600);
      expect(modeOf(path.dirname(file))).toBe(0o700);
    } finally {
      sqlite.close();
    }
  });

  it("leaves an existing file's mode alone", () => {
    const file = path.join(dir, "old.db");
    openClient(file).sqlite.close();
    fs.chmodSync(file, 0o640);
    const { sqlite } = openClient(file);
    sqlite.close();
    expect(modeOf(file)).toBe(0o640);
  });
});
