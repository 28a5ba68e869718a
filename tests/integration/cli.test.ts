import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { verifyLogin } from "~/models/access/users.server";
import { frac } from "../support/cli";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "frac-cli-"));
const write = (name: string, text: string) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
};

describe("frac CLI", () => {
  it("prints help for the program and for every command, exit 0", () => {
    const top = frac(["--help"]);
    expect(top.code).toBe(0);
    for (const cmd of ["db:migrate", "db:seed", "list", "validate", "export", "user"]) {
      expect(top.stdout).toContain(cmd);
      const help = frac([cmd, "--help"]);
      expect(help.code, cmd).toBe(0);
      expect(help.stdout).toMatch(/^Usage: frac /);
    }
  });

  it("runs the built JavaScript, and help opens no database", () => {
    // why a database that cannot be opened: any command that loaded the client for --help would fail here.
    const broken = { DATABASE_URL: "postgres://not-a-sqlite-file" };
    const cmds = ["--help", "import --help", "export --help", "user --help", "validate --help"];
    for (const cmd of cmds) {
      const out = frac(cmd.split(" "), broken);
      expect(out.code, cmd).toBe(0);
      expect(out.stderr, cmd).toBe("");
    }
    expect(frac(["list"], broken).stderr).toContain("DATABASE_URL must look like file:PATH");
    expect(fs.existsSync(path.resolve("dist/cli.js"))).toBe(true);
  });

  it("rejects an unknown command and an unknown option with exit 2", () => {
    const unknown = frac(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const badOption = frac(["list", "--jsn"]);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("--jsn");
  });

  it("lists the active MDOs as JSON", () => {
    const out = frac(["list", "--json"]);
    expect(out.code).toBe(0);
    const rows = JSON.parse(out.stdout) as { code: string; parent: string | null; framework: { status: string; nodes: number; publishedVersion: number | null } | null }[];
    const cbic = rows.find((r) => r.code === "CBIC")!;
    expect(cbic.parent).toBe("Department of Revenue");
    expect(cbic.framework?.status).toBe("DRAFT");
    expect(cbic.framework?.nodes).toBeGreaterThan(50);
    expect(cbic.framework?.publishedVersion).toBe(1);
  });

  it("exports the draft deterministically, and the export validates with exit 0", () => {
    const a = path.join(tmp, "a.json");
    const b = path.join(tmp, "b.json");
    expect(frac(["export", "--mdo", "CBIC", "--format", "json", "-o", a]).code).toBe(0);
    expect(frac(["export", "--mdo", "cbic", "--format", "json", "-o", b]).code).toBe(0);
    const bytesA = fs.readFileSync(a);
    expect(bytesA.equals(fs.readFileSync(b))).toBe(true);
    const doc = JSON.parse(bytesA.toString("utf8"));
    expect(doc.mdo).toEqual({ code: "CBIC", name: "Central Board of Indirect Taxes and Customs (CBIC)" });
    expect(doc.version).toBeNull();
    const result = frac(["validate", a, "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ valid: true, errors: 0 });
  });

  it("refuses to export an unknown MDO or format (exit 2)", () => {
    const unknown = frac(["export", "--mdo", "NOPE", "--format", "json"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no active MDO with code "NOPE"');
    const format = frac(["export", "--mdo", "CBIC", "--format", "pdf"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('unknown format "pdf"');
  });

  it("exits 1 on a well-formed document with errors, naming the problem", () => {
    const exported = frac(["export", "--mdo", "MOHFW", "--format", "json"]);
    const doc = JSON.parse(exported.stdout);
    doc.links[0].to = crypto.randomUUID();
    const file = write("dangling.json", JSON.stringify(doc));
    const out = frac(["validate", file]);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/error\s+dangling_link/);
  });

  it("exits 2 with a one-line message for a missing file, non-JSON and the wrong shape", () => {
    const missing = frac(["validate", path.join(tmp, "nope.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`frac: ${path.join(tmp, "nope.json")}: no such file\n`);

    const notJson = frac(["validate", write("bad.json", "{ nodes: [")]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/bad\.json is not JSON: /);
    expect(notJson.stderr.trim().split("\n")).toHaveLength(1);

    const shape = frac(["validate", write("shape.json", JSON.stringify({ schemaVersion: "1.0", nodes: [{ kind: "planet" }] }))]);
    expect(shape.code).toBe(2);
    expect(shape.stderr).toMatch(/shape\.json is not a FracDocument: .*nodes\[0\]/);
  });

  it("creates a user with a one-time password that signs in, and refuses bad calls", async () => {
    const created = frac(["user", "create", "new.admin@ministry.gov.in", "--role", "admin", "--json"]);
    expect(created.code).toBe(0);
    const out = JSON.parse(created.stdout) as { password: string; created: boolean };
    expect(out.created).toBe(true);
    expect(out.password).toMatch(/^[a-z2-9]{16}$/);
    expect(await verifyLogin({ email: "new.admin@ministry.gov.in", password: out.password })).toMatchObject({ ok: true });

    expect(frac(["user", "create", "x@y.in", "--role", "author"]).code).toBe(2);
    expect(frac(["user", "create", "x@y.in", "--role", "emperor"]).code).toBe(2);
    const unknownMdo = frac(["user", "create", "x@y.in", "--role", "author", "--mdo", "NOPE"]);
    expect(unknownMdo.code).toBe(1);
    expect(unknownMdo.stderr).toContain("nothing was created");
    expect(await verifyLogin({ email: "x@y.in", password: "anything" })).toEqual({ ok: false, reason: "invalid" });
  });
});
