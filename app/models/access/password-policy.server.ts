/**
 * Password rules after NIST SP 800-63B: at least 12 characters, no composition rules, and not a
 * common, breached or guessable one. The check uses zxcvbn-ts with its offline list of about
 * 49,000 breached passwords plus keyboard, sequence, repeat and date patterns
 * (docs/decisions/012). The person's own email and name count as guessable too.
 */
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
// why 3: zxcvbn's "safely unguessable" band (about 10^8 guesses or more); 0–2 are breached, common or patterned.
const MIN_SCORE = 3;
const SERVICE_WORDS = ["frac", "studio", "karmayogi", "igot", "capacity", "mission"];

let estimator: ZxcvbnFactory | undefined;
const zxcvbn = () => (estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }));

const WARNINGS: Record<string, string> = {
  common: "it is one of the most common passwords",
  commonNames: "it is built on common names",
  similarToCommon: "it is a common password with small changes",
  userInputs: "it contains your email address or name, or this service's name",
  simpleRepeat: "it repeats characters",
  extendedRepeat: "it repeats a pattern",
  sequences: "it is a sequence such as abc or 1234",
  straightRow: "it is a row of keys on the keyboard",
  keyPattern: "it is a pattern of keys on the keyboard",
  dates: "it is a date",
  recentYears: "it is built on a year",
};

/** Why this password may not be used, or null when it may. `context` is the person's email and name. */
export async function passwordProblem(password: string, context: string[] = []): Promise<string | null> {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters (this one has ${length}).`;
  if (length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const inputs = [...SERVICE_WORDS, ...context.flatMap((c) => [c, ...c.toLowerCase().split(/[^a-z0-9]+/u)]).filter((w) => w.length >= 3)];
  const result = await zxcvbn().check(password, inputs);
  if (result.score >= MIN_SCORE) return null;
  const why = (result.feedback.warning && WARNINGS[result.feedback.warning]) || "it is easy to guess";
  return `Choose a different password: ${why}. A few unrelated words make a strong one.`;
}
