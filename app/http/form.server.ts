/**
 * Reading a form post: the fields (the last value of each name) checked by one zod schema, most
 * often a `z.discriminatedUnion("intent", …)` that the action then `switch`es on.
 */
import type { z } from "zod";
import { getLanguage } from "~/i18n/i18n.server";
import { issueMessage } from "./form-issues.server";

export type ParsedForm<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      /** True when the post names no intent the schema knows: the page sent something it never offers. */
      unknownIntent: boolean;
      /** The first problem, for a reply that shows one message. */
      message: string;
      fieldErrors: Record<string, string[]>;
    };

/**
 * The request's form fields parsed by `schema`; a failure says which fields are wrong and whether
 * the intent was unknown, in the request's language (form-issues.server.ts).
 */
export async function parseForm<S extends z.ZodType>(request: Request, schema: S): Promise<ParsedForm<z.output<S>>> {
  const input = Object.fromEntries(await request.formData());
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const lng = await getLanguage(request);
  const issues = parsed.error.issues.map((issue) => ({ issue, message: issueMessage(lng, issue, input) }));
  const fieldErrors: Record<string, string[]> = {};
  for (const { issue, message } of issues) {
    // why only the first path segment: form fields are flat, as z.flattenError reported them.
    const field = issue.path[0];
    // why skip a repeat: a blank name fails both min(1) and the not-blank refinement, which say the same.
    if (typeof field === "string" && !fieldErrors[field]?.includes(message)) (fieldErrors[field] ??= []).push(message);
  }
  return { ok: false, unknownIntent: parsed.error.issues[0]?.path[0] === "intent", message: issues[0]?.message ?? "Invalid form.", fieldErrors };
}
