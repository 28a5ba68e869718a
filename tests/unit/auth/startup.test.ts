import { describe, expect, it } from "vitest";
import { sessionLimits, startupProblems } from "~/config.server";

describe("start-up refusals", () => {
  it("refuse demo accounts in production", () => {
    const problems = startupProblems({ NODE_ENV: "production", FRAC_DEMO: "1" });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^FRAC_DEMO is set while NODE_ENV=production/);
    expect(startupProblems({ NODE_ENV: "production", FRAC_DEMO: "true" })).toHaveLength(1);
    expect(startupProblems({ NODE_ENV: "development", FRAC_DEMO: "1" })).toEqual([]);
    expect(startupProblems({ NODE_ENV: "production", FRAC_DEMO: "0" })).toEqual([]);
  });

  it("refuse a SESSION_SECRET shorter than 32 characters in production (unset is generated, so allowed)", () => {
    expect(startupProblems({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(31) })[0]).toMatch(/^SESSION_SECRET is 31 characters long; production needs at least 32/);
    expect(startupProblems({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32) })).toEqual([]);
    expect(startupProblems({ NODE_ENV: "production" })).toEqual([]);
    expect(startupProblems({ SESSION_SECRET: "short" })).toEqual([]);
  });

  it("read the session limits, 30 minutes and 12 hours by default, and refuse nonsense", () => {
    expect(sessionLimits({})).toEqual({ idleMs: 30 * 60_000, maxAgeMs: 12 * 3_600_000 });
    expect(sessionLimits({ SESSION_IDLE_MINUTES: "15", SESSION_MAX_HOURS: "8" })).toEqual({ idleMs: 15 * 60_000, maxAgeMs: 8 * 3_600_000 });
    expect(startupProblems({ SESSION_IDLE_MINUTES: "0" })).toEqual(["SESSION_IDLE_MINUTES must be a whole number greater than 0."]);
    expect(startupProblems({ SESSION_MAX_HOURS: "twelve" })).toEqual(["SESSION_MAX_HOURS must be a whole number greater than 0."]);
  });
});
