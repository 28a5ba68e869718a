/**
 * A form's zod problems in the reader's language. English keeps each schema's own sentence; in
 * another language the common problems (missing, too long, too short, not a number, not one of …)
 * are said from their zod issue code, naming the field by its label (docs/decisions/027).
 */
import type { z } from "zod";
import { sayRefusal, type RefusalText } from "~/i18n/refusal-text";
import { fixedT } from "~/i18n/i18n.server";
import type { Language } from "~/i18n/i18n";
import english from "~/locales/en/refusals.json";

type Issue = z.core.$ZodIssue;
type FieldName = keyof typeof english.form.field;

// why: a schema built with the page's `t` already speaks the reader's language; its sentence is kept.
const DEVANAGARI = /[\u0900-\u097F]/u;

const isFieldName = (name: string): name is FieldName => Object.hasOwn(english.form.field, name);

/** What the issue says, as a refusal text: `input` is the form's fields, to tell a missing field from a wrong one. */
export function issueText(issue: Issue, input: Record<string, unknown>): RefusalText {
  const name = typeof issue.path[0] === "string" ? issue.path[0] : "";
  const field: RefusalText = { key: isFieldName(name) ? `form.field.${name}` : "form.field.any" };
  const value = input[name];
  const missing = issue.path.length === 1 && (value === undefined || (typeof value === "string" && value.trim() === ""));
  switch (issue.code) {
    case "invalid_type":
      if (missing) return { key: "form.required", params: { field } };
      return { key: issue.expected === "number" ? "form.notANumber" : "form.invalid", params: { field } };
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? { key: "form.required", params: { field } } : { key: "form.tooShort", params: { field, min: Number(issue.minimum) } };
      return issue.origin === "number" ? { key: "form.tooSmall", params: { field, min: Number(issue.minimum) } } : { key: "form.invalid", params: { field } };
    case "too_big":
      if (issue.origin === "string") return { key: "form.tooLong", params: { field, max: Number(issue.maximum) } };
      return issue.origin === "number" ? { key: "form.tooBig", params: { field, max: Number(issue.maximum) } } : { key: "form.invalid", params: { field } };
    case "invalid_value":
      if (missing) return { key: "form.required", params: { field } };
      return { key: "form.oneOf", params: { field, values: issue.values.map(String).join(", ") } };
    case "invalid_format":
      return { key: issue.format === "email" ? "form.email" : "form.badFormat", params: { field } };
    default:
      return missing ? { key: "form.required", params: { field } } : { key: "form.invalid", params: { field } };
  }
}

/** The issue's sentence in `lng`: English (and a sentence the schema already wrote in `lng`) as the schema wrote it. */
export function issueMessage(lng: Language, issue: Issue, input: Record<string, unknown>): string {
  if (lng === "en" || DEVANAGARI.test(issue.message)) return issue.message;
  return sayRefusal(lng, fixedT(lng), issueText(issue, input));
}
