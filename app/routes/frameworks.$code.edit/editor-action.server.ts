/**
 * The graph editor's action, whole: access, body size, JSON, the shared change-set schema,
 * then one transactional save. Every bad input is a 4xx with a message, never a 500.
 */
import { json } from "@remix-run/node";
import type { z } from "zod";
import { editorActionSchema } from "@schemas/edit-ops";
import { LIMITS } from "@schemas/limits";
import { applyEditOps } from "~/models/draft-save/save.server";
import { inReaderLanguage } from "~/http/refusal-reply.server";
import type { RefusalKey } from "~/i18n/refusal-text";
import { requireMdoAccess } from "~/http/auth.server";

/** The largest editor save body accepted. */
export const EDITOR_BODY_MAX_BYTES = LIMITS.EDITOR_SAVE_BYTES_MAX;

export type EditorActionData =
  | { ok: true; revision: number }
  | { ok: false; message: string; code?: RefusalKey; opIndex?: number; currentRevision?: number };

const refusal = (status: number, message: string, opIndex?: number) =>
  json<EditorActionData>({ ok: false, message, ...(opIndex !== undefined ? { opIndex } : {}) }, { status });

const NOT_JSON = "An editor save must be sent as JSON (Content-Type: application/json).";
const isJson = (type: string | null) => type?.split(";")[0].trim().toLowerCase() === "application/json";
const TOO_LARGE = `This save is larger than ${EDITOR_BODY_MAX_BYTES / 1024 / 1024} MB. Save more often, in smaller steps.`;

/** Handles a POST from the graph editor for the MDO `code`; the route's action is just this call. */
export async function handleEditorAction(request: Request, code: string | undefined): Promise<Response> {
  // First, before the body is read: another ministry's user gets 404, a viewer 403 (thrown).
  const { user, mdo } = await requireMdoAccess(request, code, "edit");

  // why: a form on another site may post text/plain without asking; only JSON is a save.
  if (!isJson(request.headers.get("Content-Type"))) return refusal(415, NOT_JSON);
  const text = await readCapped(request);
  if (text === null) return refusal(413, TOO_LARGE);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refusal(400, "The request body is not JSON.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return refusal(400, 'The request body must be a JSON object with an "intent".');
  }

  const parsed = editorActionSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue.path[0] === "ops" && typeof issue.path[1] === "number" ? issue.path[1] : undefined;
    return refusal(400, describeIssue(issue, body), at);
  }

  const { baseRevision, ops } = parsed.data;
  const result = applyEditOps({ mdoId: mdo.id, userId: user.id, baseRevision, ops });
  if (result.ok) return json<EditorActionData>({ ok: true, revision: result.revision });
  // why the code: a script keys on it; `message` is the sentence in the reader's language (English by default).
  const { status, message, code: refusalCode, opIndex, currentRevision } = await inReaderLanguage(request, result);
  return json<EditorActionData>(
    {
      ok: false,
      message,
      code: refusalCode,
      ...(opIndex !== undefined ? { opIndex } : {}),
      ...(currentRevision !== undefined ? { currentRevision } : {}),
    },
    { status },
  );
}

/**
 * The body as text, or null when it is larger than the limit. Content-Length is checked first;
 * the stream is counted too, since a chunked body has no length and a header can lie.
 */
async function readCapped(request: Request): Promise<string | null> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > EDITOR_BODY_MAX_BYTES) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > EDITOR_BODY_MAX_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  // TextDecoder drops a leading byte-order mark, as request.json() would.
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** The first problem as a sentence that names where it is, e.g. `ops[3].fields.name: Name is too long.` */
function describeIssue(issue: z.core.$ZodIssue, body: unknown): string {
  const where = formatPath(issue.path);
  if (issue.code === "invalid_union" && issue.inclusive !== false && issue.discriminator) {
    const value = valueAt(body, issue.path);
    if (issue.discriminator === "intent") {
      return value === undefined
        ? `The request names no intent; expected one of: ${(issue.options ?? []).join(", ")}.`
        : `Unknown intent "${shown(value)}".`;
    }
    const expected = `expected one of: ${(issue.options ?? []).join(", ")}`;
    const what = value === undefined ? `No ${issue.discriminator} given` : `Unknown ${issue.discriminator} "${shown(value)}"`;
    return `${where}: ${what}; ${expected}.`;
  }
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** `["ops", 3, "fields", "name"]` → `ops[3].fields.name` */
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), "");
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let value = body;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = Reflect.get(value, key) as unknown;
  }
  return value;
}

// why a cap: the value is echoed back, and a hostile client could send megabytes as an intent.
function shown(value: unknown): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
