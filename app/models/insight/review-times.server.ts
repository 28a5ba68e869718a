/**
 * How long frameworks spend in review, read from the review steps (review_events): since when the
 * working copy is in its current state, and each publication's turnaround.
 *
 * A publication's turnaround runs from the first submission after the previous publication to the
 * approval: rounds sent back to the ministry count too, since that is how long the ministry waited
 * for its version.
 */
import { asc, sql } from "drizzle-orm";
import { getDb } from "@db/client";
import { reviewEvents } from "@db/schema";

export type ReviewStep = { action: "submit" | "verify" | "reject" | "approve"; at: string; versionNumber: number | null };
export type Turnaround = { version: number | null; submittedAt: string; publishedAt: string; days: number };
export type ReviewTimes = { lastStepAt: string | null; turnarounds: Turnaround[] };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole and fractional days between two instants, to one decimal place. */
export function daysBetween(from: string | Date, to: string | Date): number {
  const ms = new Date(to).getTime() - new Date(from).getTime();
  return Math.round((ms / DAY_MS) * 10) / 10;
}

/** Full days between two instants (what "days in this state" shows): 0 on the first day. */
export function wholeDaysBetween(from: string | Date, to: string | Date): number {
  return Math.max(0, Math.floor((new Date(to).getTime() - new Date(from).getTime()) / DAY_MS));
}

/** The times of one framework's review steps, given in the order they were taken. */
export function reviewTimesOf(steps: readonly ReviewStep[]): ReviewTimes {
  const turnarounds: Turnaround[] = [];
  let roundStart: string | null = null;
  for (const step of steps) {
    if (step.action === "submit" && roundStart === null) roundStart = step.at;
    if (step.action === "approve" && roundStart !== null) {
      turnarounds.push({ version: step.versionNumber, submittedAt: roundStart, publishedAt: step.at, days: daysBetween(roundStart, step.at) });
      roundStart = null;
    }
  }
  return { lastStepAt: steps.length ? steps[steps.length - 1]!.at : null, turnarounds };
}

/** Every framework's review steps, in the order taken, by framework id (one query for all). */
export function reviewStepsByFramework(): Map<string, ReviewStep[]> {
  const rows = getDb()
    .select({ frameworkId: reviewEvents.frameworkId, action: reviewEvents.action, at: reviewEvents.at, versionNumber: reviewEvents.versionNumber })
    .from(reviewEvents)
    // why rowid: steps taken within one millisecond keep the order they were written in.
    .orderBy(asc(reviewEvents.frameworkId), asc(reviewEvents.at), asc(sql`${reviewEvents}.rowid`))
    .all();
  const out = new Map<string, ReviewStep[]>();
  for (const { frameworkId, ...step } of rows) {
    const list = out.get(frameworkId);
    if (list) list.push(step);
    else out.set(frameworkId, [step]);
  }
  return out;
}
