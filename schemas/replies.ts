/**
 * The replies of actions that a component posts to with a fetcher, shared by the action (which
 * returns them) and the component (which reads them), so neither re-declares the shape.
 */

/** A step or a comment action: done, or refused with one message for the user. */
export type StepReply = { ok: true } | { ok: false; message: string };

/** A form action that stays on its page: what was done (`intent` names the form), or the problem next to its field. */
export type FormReply = { ok: boolean; intent: string; message: string; fieldErrors: Record<string, string[]> };
