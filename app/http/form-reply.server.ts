/** The replies of a form action that stays on its page: what was done, or the problem next to its field. */
import { json } from "@remix-run/node";

import type { FormReply } from "@schemas/replies";

export type { FormReply };

/** A success, with what to tell the user. */
export const replyDone = (intent: string, message = "") => json<FormReply>({ ok: true, intent, message, fieldErrors: {} });

/** A refusal with its status; the message sits next to `field` when the problem is one field's. */
export function replyRefused(intent: string, refusal: { status: number; message: string; field?: string; fieldErrors?: Record<string, string[]> }) {
  const fieldErrors = refusal.fieldErrors ?? (refusal.field ? { [refusal.field]: [refusal.message] } : {});
  return json<FormReply>({ ok: false, intent, message: refusal.message, fieldErrors }, { status: refusal.status });
}
