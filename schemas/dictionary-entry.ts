/**
 * The fields of a shared-dictionary entry as curators write them and authors propose them: one
 * set of checks for the curator's forms, the proposal form, the actions and the models.
 */
import { z } from "zod";
import { isBlank } from "./text";
import { LIMITS } from "./limits";

/** Types of the shared (KCM) dictionary; Domain competencies stay each ministry's own. */
export const SHARED_TYPES = ["Behavioural", "Functional"] as const;
export type SharedType = (typeof SHARED_TYPES)[number];

/** Why an author proposes an entry, or why a curator declines a proposal. */
export const REASON_MAX = 2000;

export const entryNameSchema = z
  .string({ error: "Give the entry a name." })
  .transform((s) => s.normalize("NFC").replace(/\s+/gu, " ").trim())
  .pipe(z.string().min(1, "Give the entry a name.").max(LIMITS.NAME_MAX, `The name is longer than ${LIMITS.NAME_MAX} characters.`))
  .refine((s) => !isBlank(s), "Give the entry a name.");

export const entryDescriptionSchema = z
  .string()
  .trim()
  .max(LIMITS.DESCRIPTION_MAX, `The description is longer than ${LIMITS.DESCRIPTION_MAX} characters.`)
  .default("");

/**
 * An optional Hindi text of an entry: blank means none (null), a field not sent means "as it is"
 * (undefined). Any script is accepted, as for the English fields: a curator may keep a code or an
 * English term inside the Hindi.
 */
const optionalHindiSchema = (max: number, label: string, collapse: boolean) =>
  z
    .string()
    .transform((s) => {
      const text = s.normalize("NFC");
      return (collapse ? text.replace(/\s+/gu, " ") : text).trim();
    })
    .pipe(z.string().max(max, `The ${label} is longer than ${max} characters.`))
    .transform((s) => (s && !isBlank(s) ? s : null))
    .optional();

/** The entry's name in Hindi, optional (null when blank). */
export const entryNameHiSchema = optionalHindiSchema(LIMITS.NAME_HI_MAX, "Hindi name", true);

/** The entry's description in Hindi, optional (null when blank). */
export const entryDescriptionHiSchema = optionalHindiSchema(LIMITS.DESCRIPTION_HI_MAX, "Hindi description", false);

export const sharedTypeSchema = z.enum(SHARED_TYPES, { error: "Choose Behavioural or Functional: Domain competencies stay each ministry's own." });

/** An optional id field of a form: blank means none. */
export const optionalIdSchema = z
  .string()
  .trim()
  .max(64, "That is not an id of this dictionary.")
  .optional()
  .transform((s) => (s ? s : null));

export const reasonSchema = (required: string) =>
  z.string({ error: required }).trim().min(1, required).max(REASON_MAX, `The reason is longer than ${REASON_MAX} characters.`);

export const optionalReasonSchema = z.string().trim().max(REASON_MAX, `The reason is longer than ${REASON_MAX} characters.`).default("");
