/**
 * The one refusal of the models: a write refused for a reason the user can act on. It is thrown
 * inside the transaction, so a refused write leaves nothing behind, and each model's entry point
 * turns it into a `Refused` result that routes answer with the same status and message.
 */
import { storageFailure } from "@db/storage-errors";
import type { Finding } from "@schemas/findings";

/**
 * 400-409 are the user's to fix, and 413 (an import needing more memory than it may use); 503 (busy)
 * and 507 (disk full) are the machine's (db/storage-errors.ts).
 */
export type RefusalStatus = 400 | 403 | 404 | 409 | 413 | 503 | 507;

/** What a refused call returns: the status for the HTTP answer and a sentence for the user. */
export type Refused = {
  ok: false;
  status: RefusalStatus;
  message: string;
  /** Validator findings that block a submission. */
  blockers?: Finding[];
  /** Which op of an editor save was refused (its index in the save). */
  opIndex?: number;
  /** The draft's revision, when the refusal is a stale save. */
  currentRevision?: number;
};

type Details = Pick<Refused, "blockers" | "opIndex" | "currentRevision">;

export class Refusal extends Error {
  constructor(
    readonly status: RefusalStatus,
    message: string,
    public details: Details = {},
  ) {
    super(message);
    this.name = "Refusal";
  }
}

/** Throws the refusal of the write being made. */
export function refuse(status: RefusalStatus, message: string, details?: Details): never {
  throw new Refusal(status, message, details);
}

/**
 * A thrown Refusal as a `Refused` result, and so is a full disk or a busy database (the write
 * rolled back like any refusal); anything else is rethrown (a bug, not a refusal).
 */
export function refusedOf(error: unknown): Refused {
  if (!(error instanceof Refusal)) {
    const failure = storageFailure(error);
    if (failure) return { ok: false, ...failure };
    throw error;
  }
  const { blockers, opIndex, currentRevision } = error.details;
  return {
    ok: false,
    status: error.status,
    message: error.message,
    ...(blockers ? { blockers } : {}),
    ...(opIndex !== undefined ? { opIndex } : {}),
    ...(currentRevision !== undefined ? { currentRevision } : {}),
  };
}
