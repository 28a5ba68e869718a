/**
 * One error type for everything a user can get wrong, and helpers that throw it as a Response,
 * so loaders and actions answer bad input with a status and a message, never a 500.
 */
import { json } from "@remix-run/node";
import type { RefusalKey, RefusalParams, RefusalText } from "~/i18n/refusal-text";
import { refusalFields } from "~/models/refusal.server";
import { refusalText } from "~/i18n/refusal-text";

/**
 * What an error answer carries: the English `message` (API clients, logs), and for a message said
 * by key (`refusals` namespace) its `code` and `params`, which the error page says in the reader's language.
 */
export type ErrorBody = { message: string; code?: RefusalKey; params?: RefusalParams; fieldErrors?: Record<string, string[]> };

/** A message as plain text (already in the reader's language, or for machines) or by key. */
type Said = string | RefusalText;

/** Throws a Response with `status` and a user-facing message (used by the one error boundary). */
export function fail(status: number, said: Said, extra: Omit<ErrorBody, "message" | "code" | "params"> = {}): never {
  const message = typeof said === "string" ? { message: said } : refusalFields(said);
  throw json<ErrorBody>({ ...message, ...extra }, { status });
}

export const badRequest = (said: Said, fieldErrors?: Record<string, string[]>) => fail(400, said, fieldErrors ? { fieldErrors } : {});
export const unauthorized = (said: Said = refusalText("page.signIn")) => fail(401, said);
export const forbidden = (said: Said = refusalText("page.noPermission")) => fail(403, said);
export const notFound = (said: Said = refusalText("page.notFound")) => fail(404, said);

/** Asserts a condition about the request; throws the given status with the message otherwise. */
export function invariantResponse(condition: unknown, status: number, message: Said): asserts condition {
  if (!condition) fail(status, message);
}
