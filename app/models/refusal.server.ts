/**
 * The one refusal of the models: a write refused for a reason the user can act on. It is thrown
 * inside the transaction, so a refused write leaves nothing behind, and each model's entry point
 * turns it into a `Refused` result that routes answer with the same status and message.
 */
import { storageFailure } from "@db/storage-errors";
import type { Finding } from "@schemas/findings";
import { sayRefusal, type RefusalKey, type RefusalParams, type RefusalText } from "~/i18n/refusal-text";
import { fixedT } from "~/i18n/i18n.server";
import english from "~/locales/en/refusals.json";

/**
 * 400-409 are the user's to fix, and 413 (an import needing more memory than it may use); 503 (busy)
 * and 507 (disk full) are the machine's (db/storage-errors.ts).
 */
export type RefusalStatus = 400 | 403 | 404 | 409 | 413 | 503 | 507;

/**
 * What a refused call returns: the status for the HTTP answer, the English sentence (the API, the
 * CLI and logs print it) and the same sentence as a key and params, which a page says in its reader's language.
 */
export type Refused = {
  ok: false;
  status: RefusalStatus;
  message: string;
  code: RefusalKey;
  params?: RefusalParams;
  /** Validator findings that block a submission. */
  blockers?: Finding[];
  /** Which op of an editor save was refused (its index in the save). */
  opIndex?: number;
  /** The draft's revision, when the refusal is a stale save. */
  currentRevision?: number;
};

type Details = Pick<Refused, "blockers" | "opIndex" | "currentRevision">;

/** A refusal's text in English: what `message` says wherever a sentence is printed rather than shown on a page. */
export function inEnglish(text: RefusalText): string {
  return sayRefusal("en", fixedT("en"), text);
}

/** A refusal's sentence as a result carries it: English `message`, and `code` and `params` for a page to translate. */
export function refusalFields(text: RefusalText): { message: string; code: RefusalKey; params?: RefusalParams } {
  return { message: inEnglish(text), code: text.key, ...(text.params ? { params: text.params } : {}) };
}

export class Refusal extends Error {
  constructor(
    readonly status: RefusalStatus,
    readonly text: RefusalText,
    public details: Details = {},
  ) {
    super(inEnglish(text));
    this.name = "Refusal";
  }
}

/** Throws the refusal of the write being made. */
export function refuse(status: RefusalStatus, text: RefusalText, details?: Details): never {
  throw new Refusal(status, text, details);
}

type LooseText = { key: string; params?: { [name: string]: string | number | LooseText } };

/** Whether the English messages hold `key` (a plural one as `key_other`). */
function isRefusalKey(key: string): key is RefusalKey {
  const message = (path: string) => path.split(".").reduce<unknown>((at, part) => (typeof at === "object" && at !== null ? Reflect.get(at, part) : undefined), english);
  return typeof message(key) === "string" || typeof message(`${key}_other`) === "string";
}

/**
 * A text made outside app/ (the pure import stages cannot name RefusalKey) checked against the
 * English messages: the text itself when every key in it has a message, otherwise undefined.
 */
export function checkedText(text: LooseText | undefined): RefusalText | undefined {
  if (!text || !isRefusalKey(text.key)) return undefined;
  const params: RefusalParams = {};
  for (const [name, value] of Object.entries(text.params ?? {})) {
    if (typeof value !== "object") params[name] = value;
    else {
      const inner = checkedText(value);
      if (!inner) return undefined;
      params[name] = inner;
    }
  }
  return { key: text.key, ...(text.params ? { params } : {}) };
}

/** The `Refused` result of a refusal that is returned rather than thrown (nothing was started that needs rolling back). */
export function refusalResult(status: RefusalStatus, text: RefusalText, details?: Details): Refused {
  return refusedOf(new Refusal(status, text, details));
}

/**
 * A thrown Refusal as a `Refused` result, and so is a full disk or a busy database (the write
 * rolled back like any refusal); anything else is rethrown (a bug, not a refusal).
 */
export function refusedOf(error: unknown): Refused {
  if (!(error instanceof Refusal)) {
    const failure = storageFailure(error);
    if (failure) return { ok: false, ...failure, code: failure.status === 503 ? "storage.busy" : "storage.full" };
    throw error;
  }
  const { blockers, opIndex, currentRevision } = error.details;
  return {
    ok: false,
    status: error.status,
    message: error.message,
    code: error.text.key,
    ...(error.text.params ? { params: error.text.params } : {}),
    ...(blockers ? { blockers } : {}),
    ...(opIndex !== undefined ? { opIndex } : {}),
    ...(currentRevision !== undefined ? { currentRevision } : {}),
  };
}
