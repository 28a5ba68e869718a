/**
 * Who takes each review step, and at which status: the one table that the review panel reads
 * to offer a button and the review model reads to allow the step. Separation of duties (nobody
 * reviews their own work) is checked on top of it by the model, which knows who did what.
 */
import type { FrameworkStatus } from "./enums";

export type ReviewStep = "submit" | "verify" | "reject" | "approve";
/** The review-relevant roles of one user for one ministry. */
export type ReviewRoles = { author: boolean; reviewer: boolean; board: boolean };
type Rule = { role: keyof ReviewRoles; at: readonly FrameworkStatus[] };

export const REVIEW_STEP_RULES: Record<ReviewStep, readonly Rule[]> = {
  // The ministry's authors submit their draft, or resubmit it after it was sent back.
  submit: [{ role: "author", at: ["DRAFT", "REJECTED"] }],
  verify: [{ role: "reviewer", at: ["UNVERIFIED"] }],
  // Each level sends back what awaits it: the technical reviewer before verification, the board after.
  reject: [
    { role: "reviewer", at: ["UNVERIFIED"] },
    { role: "board", at: ["VERIFIED"] },
  ],
  approve: [{ role: "board", at: ["VERIFIED"] }],
};

/** Whether someone with these roles takes this step at all, at some status. */
export function takesStep(step: ReviewStep, roles: ReviewRoles): boolean {
  return REVIEW_STEP_RULES[step].some((rule) => roles[rule.role]);
}

/** Whether someone with these roles may take this step now, at this status. */
export function mayTakeStep(step: ReviewStep, status: string, roles: ReviewRoles): boolean {
  return REVIEW_STEP_RULES[step].some((rule) => roles[rule.role] && (rule.at as readonly string[]).includes(status));
}

/** Authors and both review levels comment on a framework's nodes; viewers and other ministries do not. */
export function mayComment(roles: ReviewRoles): boolean {
  return roles.author || roles.reviewer || roles.board;
}
