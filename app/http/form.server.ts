/**
 * Reading a form post: the fields (the last value of each name) checked by one zod schema, most
 * often a `z.discriminatedUnion("intent", …)` that the action then `switch`es on.
 */
import { z } from "zod";

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

/** The request's form fields parsed by `schema`; a failure says which fields are wrong and whether the intent was unknown. */
export async function parseForm<S extends z.ZodType>(request: Request, schema: S): Promise<ParsedForm<z.output<S>>> {
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()));
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
  return { ok: false, unknownIntent: parsed.error.issues[0]?.path[0] === "intent", message: parsed.error.issues[0]?.message ?? "Invalid form.", fieldErrors };
}
