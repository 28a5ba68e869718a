/**
 * Password rules after NIST SP 800-63B: at least 12 characters, no composition rules, and not a
 * common, breached or guessable one. The check uses zxcvbn-ts with its offline list of about
 * 49,000 breached passwords plus keyboard, sequence, repeat and date patterns
 * (docs/decisions/012). The person's own email and name count as guessable too.
 */
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

import { refusalText, type RefusalText } from "~/i18n/refusal-text";
import { inEnglish } from "../refusal.server";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
// why 3: zxcvbn's "safely unguessable" band (about 10^8 guesses or more); 0–2 are breached, common or patterned.
const MIN_SCORE = 3;
const SERVICE_WORDS = ["frac", "studio", "karmayogi", "igot", "capacity", "mission"];

let estimator: ZxcvbnFactory | undefined;
const zxcvbn = () => (estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }));

// zxcvbn's warnings that we explain (app/locales/*/refusals.json, password.why.*); any other is "easy to guess".
const WARNINGS = ["common", "commonNames", "similarToCommon", "userInputs", "simpleRepeat", "extendedRepeat", "sequences", "straightRow", "keyPattern", "dates", "recentYears"] as const;
const isExplained = (warning: string | null | undefined): warning is (typeof WARNINGS)[number] => (WARNINGS as readonly (string | null | undefined)[]).includes(warning);

/** Why this password may not be used, as a refusal text a page can say in its reader's language; null when it may be used. */
export async function passwordProblemText(password: string, context: string[] = []): Promise<RefusalText | null> {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return refusalText("password.tooShort", { min: MIN_PASSWORD_LENGTH, length });
  if (length > MAX_PASSWORD_LENGTH) return refusalText("password.tooLong", { max: MAX_PASSWORD_LENGTH });
  const inputs = [...SERVICE_WORDS, ...context.flatMap((c) => [c, ...c.toLowerCase().split(/[^a-z0-9]+/u)]).filter((w) => w.length >= 3)];
  const result = await zxcvbn().check(password, inputs);
  if (result.score >= MIN_SCORE) return null;
  const warning = result.feedback.warning;
  return refusalText("password.weak", { why: refusalText(`password.why.${isExplained(warning) ? warning : "easy"}`) });
}

/** Why this password may not be used, in English (the CLI and tests), or null when it may. `context` is the person's email and name. */
export async function passwordProblem(password: string, context: string[] = []): Promise<string | null> {
  const problem = await passwordProblemText(password, context);
  return problem && inEnglish(problem);
}
