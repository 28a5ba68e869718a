/**
 * The replies of actions that a component posts to with a fetcher, shared by the action (which
 * returns them) and the component (which reads them), so neither re-declares the shape.
 */

/** A step or a comment action: done, or refused with one message for the user. */
export type StepReply = { ok: true } | { ok: false; message: string };
