/**
 * One error type for everything a user can get wrong, and helpers that throw it as a Response,
 * so loaders and actions answer bad input with a status and a message, never a 500.
 */
import { json } from "@remix-run/node";

export type ErrorBody = { message: string; fieldErrors?: Record<string, string[]> };

/** Throws a Response with `status` and a user-facing message (used by the one error boundary). */
export function fail(status: number, message: string, extra: Omit<ErrorBody, "message"> = {}): never {
  throw json<ErrorBody>({ message, ...extra }, { status });
}

export const badRequest = (message: string, fieldErrors?: Record<string, string[]>) =>
  fail(400, message, fieldErrors ? { fieldErrors } : {});
export const unauthorized = (message = "Sign in to continue.") => fail(401, message);
export const forbidden = (message = "You do not have permission to do that.") => fail(403, message);
export const notFound = (message = "Not found.") => fail(404, message);

/** Asserts a condition about the request; throws the given status with the message otherwise. */
export function invariantResponse(condition: unknown, status: number, message: string): asserts condition {
  if (!condition) fail(status, message);
}
