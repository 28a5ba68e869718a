import { describe, expect, it } from "vitest";
import { FRAMEWORK_STATUSES } from "@schemas/enums";
import { mayComment, mayTakeStep, takesStep, type ReviewRoles, type ReviewStep } from "@schemas/review-steps";

const nobody: ReviewRoles = { author: false, reviewer: false, board: false };
const author = { ...nobody, author: true };
const reviewer = { ...nobody, reviewer: true };
const board = { ...nobody, board: true };

/** Every status at which `roles` may take `step`. */
const statusesFor = (step: ReviewStep, roles: ReviewRoles) => FRAMEWORK_STATUSES.filter((s) => mayTakeStep(step, s, roles));

describe("the review-step table", () => {
  it("lets authors submit a draft or a sent-back framework, and nothing else", () => {
    expect(statusesFor("submit", author)).toEqual(["DRAFT", "REJECTED"]);
    for (const step of ["verify", "reject", "approve"] as const) expect(takesStep(step, author)).toBe(false);
  });

  it("gives each review level its own stage: the reviewer before verification, the board after", () => {
    expect(statusesFor("verify", reviewer)).toEqual(["UNVERIFIED"]);
    expect(statusesFor("reject", reviewer)).toEqual(["UNVERIFIED"]);
    expect(statusesFor("reject", board)).toEqual(["VERIFIED"]);
    expect(statusesFor("approve", board)).toEqual(["VERIFIED"]);
    expect(takesStep("approve", reviewer)).toBe(false);
    expect(takesStep("verify", board)).toBe(false);
  });

  it("lets nobody without a role take any step or comment", () => {
    for (const step of ["submit", "verify", "reject", "approve"] as const) expect(statusesFor(step, nobody)).toEqual([]);
    expect(mayComment(nobody)).toBe(false);
    expect([author, reviewer, board].every(mayComment)).toBe(true);
  });
});
