import { describe, expect, it } from "vitest";
import { passwordProblem } from "~/models/access/password-policy.server";

describe("password rules (NIST SP 800-63B)", () => {
  it("needs at least 12 characters, counted as characters not bytes", async () => {
    expect(await passwordProblem("short-one")).toBe("Use at least 12 characters (this one has 9).");
    expect(await passwordProblem("नमस्ते-दुनिया")).toBeNull();
    expect(await passwordProblem("x".repeat(257))).toBe("Use at most 256 characters.");
  });

  it.each([
    ["password1234", "common password with small changes"],
    ["123456789012", "most common passwords"],
    ["qwertyuiopas", ""],
    ["abcdefghijkl", "sequence"],
    ["aaaaaaaaaaaa", "repeats"],
    ["iloveyou1234", "common password"],
    ["karmayogi-demo", "this service's name"],
  ])("refuses a common or guessable password: %s", async (password, why) => {
    const problem = await passwordProblem(password);
    expect(problem).toMatch(/^Choose a different password: /);
    expect(problem).toContain(why);
  });

  it("refuses a password built on the person's email or name", async () => {
    expect(await passwordProblem("meera.iyer@health.gov.in", ["meera.iyer@health.gov.in", "Meera Iyer"])).toContain("your email address or name");
  });

  it("has no composition rules: a long phrase of plain lowercase words is fine", async () => {
    expect(await passwordProblem("mauve river lamp orbit")).toBeNull();
    expect(await passwordProblem("tamarind monsoon ledger")).toBeNull();
  });
});
