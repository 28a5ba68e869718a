/**
 * The read API's edges: bearer-token authentication, JSON and CASE (imsx_StatusInfo) error
 * responses, and file responses with a strong ETag and 304 on If-None-Match.
 * Errors are thrown as Responses so loaders stay straight-line, like app/utils/http.server.ts.
 */
import { recordRefusal } from "~/models/access-log.server";
import { findCaseObject, type CaseLookupType } from "~/models/case.server";
import { getMdoByCode, type MdoRow } from "~/models/mdo.server";
import { checkTokenText, type TokenSummary } from "~/models/token.server";
import { takeApiRequest } from "./api-rate-limit.server";
import { sha256Hex } from "./hash.server";

const JSON_TYPE = "application/json; charset=utf-8";

/** A JSON response with this status and extra headers. */
export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": JSON_TYPE, ...headers } });
}

/** Throws `{ error: message }` with this status. */
export function apiFail(status: number, message: string, headers: Record<string, string> = {}): never {
  throw apiJson({ error: message }, status, headers);
}

/** Throws 400 `{ error: message }`. */
export function apiBadRequest(message: string): never {
  return apiFail(400, message);
}

/** Throws 404 `{ error: message }`. */
export function apiNotFound(message: string): never {
  return apiFail(404, message);
}

type TokenProblem = { status: 401 | 429; message: string; headers: Record<string, string>; tokenId: string | null; reason: string };

const REFUSED_BECAUSE = {
  unknown: "The token is not valid or has been revoked.",
  revoked: "The token is not valid or has been revoked.",
  expired: "The token has expired; ask a FRAC Studio admin for a new one.",
} as const;

/**
 * Why this request is refused, or its token: no or malformed header, unknown, revoked or expired
 * token (401), or the token is over its rate limit (429 with Retry-After).
 */
async function checkToken(request: Request): Promise<TokenSummary | TokenProblem> {
  const header = request.headers.get("Authorization");
  const invalid = { "WWW-Authenticate": `Bearer realm="frac", error="invalid_token"` };
  if (!header) {
    return {
      status: 401,
      message: "This API needs a token: send `Authorization: Bearer TOKEN` (ask a FRAC Studio admin for one).",
      headers: { "WWW-Authenticate": `Bearer realm="frac"` },
      tokenId: null,
      reason: "no token",
    };
  }
  const match = /^Bearer[ ]+(\S+)\s*$/iu.exec(header);
  if (!match) return { status: 401, message: "Malformed Authorization header: expected `Bearer TOKEN`.", headers: invalid, tokenId: null, reason: "malformed header" };
  const checked = checkTokenText(match[1]);
  if (!checked.ok) return { status: 401, message: REFUSED_BECAUSE[checked.reason], headers: invalid, tokenId: checked.tokenId, reason: `${checked.reason} token` };
  const rate = await takeApiRequest(checked.token.id);
  if (!rate.ok) {
    return {
      status: 429,
      message: `Too many requests with this token: at most ${rate.limit} every ${rate.windowSeconds} s. Try again in ${rate.retryAfterSeconds} s.`,
      headers: { "Retry-After": String(rate.retryAfterSeconds) },
      tokenId: checked.token.id,
      reason: "rate limit",
    };
  }
  return checked.token;
}

/** Records a refused API call in the audit log (throttled). */
function logRefusal(request: Request, problem: { status: number; tokenId: string | null; reason: string }, mdoId: string | null = null): Promise<void> {
  return recordRefusal({ request, status: problem.status, userId: null, tokenId: problem.tokenId, mdoId, reason: problem.reason });
}

/**
 * The token sent as `Authorization: Bearer TOKEN`, counted against its rate limit; anything else
 * is a 401 `{ error }` with `WWW-Authenticate: Bearer`, or a 429 with `Retry-After`.
 */
export async function requireApiToken(request: Request): Promise<TokenSummary> {
  const result = await checkToken(request);
  if ("reason" in result) {
    await logRefusal(request, result);
    apiFail(result.status, result.message, result.headers);
  }
  return result;
}

/** The same check for the CASE binding, refusing with the spec's imsx_StatusInfo payload. */
export async function requireCaseToken(request: Request): Promise<TokenSummary> {
  const result = await checkToken(request);
  if ("reason" in result) {
    await logRefusal(request, result);
    caseFail(result.status, result.status === 429 ? "server_busy" : "unauthorised_request", result.message, { headers: result.headers });
  }
  return result;
}

/** True when the token may read this ministry's frameworks (tokens without a scope read every one). */
export function inTokenScope(token: TokenSummary, mdoId: string): boolean {
  return token.mdoId === null || token.mdoId === mdoId;
}

/**
 * The active ministry with this code that the token may read; 404 otherwise, with the same
 * message whether the ministry is unknown or outside the token's scope (so scopes do not leak).
 */
export async function requireApiMdo(request: Request, token: TokenSummary, code: string | undefined): Promise<MdoRow> {
  const mdo = getMdoByCode({ code: code ?? "" });
  if (mdo && inTokenScope(token, mdo.id)) return mdo;
  if (mdo) await logRefusal(request, { status: 404, tokenId: token.id, reason: "outside the token's ministry" }, mdo.id);
  return apiNotFound(`No ministry with the code "${code ?? ""}".`);
}

/** CASE 1.1 error payload (imsx_StatusInfo) with the given codeMinor value, e.g. unknownobject or invalid_uuid. */
export function caseFail(
  status: number,
  codeMinor: string,
  description: string,
  { headers = {}, field = "sourcedId" }: { headers?: Record<string, string>; field?: string } = {},
): never {
  throw apiJson(
    {
      imsx_codeMajor: "failure",
      imsx_severity: "error",
      imsx_description: description,
      imsx_codeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: field, imsx_codeMinorFieldValue: codeMinor }] },
    },
    status,
    headers,
  );
}

/** Strong ETag of these bytes: their sha256 in quotes. */
export function strongEtag(sha256Hex: string): string {
  return `"${sha256Hex}"`;
}

/** True when If-None-Match names this ETag (or is `*`), so a 304 may be sent. */
export function etagMatches(request: Request, etag: string): boolean {
  const header = request.headers.get("If-None-Match");
  if (!header) return false;
  return header.split(",").some((t) => {
    const tag = t.trim().replace(/^W\//u, "");
    return tag === "*" || tag === etag;
  });
}

export const IMMUTABLE = "private, max-age=31536000, immutable";

// why a stream of our own: handed bytes, Response copies all of them on every request.
function bytesStream(bytes: Uint8Array<ArrayBuffer>): ReadableStream<Uint8Array<ArrayBuffer>> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** A file response: 304 when the client already has these bytes, else the bytes with their headers. */
export function fileResponse(
  request: Request,
  body: Uint8Array<ArrayBuffer>,
  { contentType, filename, sha256, cacheControl }: { contentType: string; filename?: string; sha256?: string; cacheControl?: string },
): Response {
  const etag = strongEtag(sha256 ?? sha256Hex(body));
  const headers: Record<string, string> = { ETag: etag };
  if (cacheControl) headers["Cache-Control"] = cacheControl;
  if (etagMatches(request, etag)) return new Response(null, { status: 304, headers });
  headers["Content-Type"] = contentType;
  if (filename) headers["Content-Disposition"] = `attachment; filename="${filename}"`;
  // why: without a length the adapter sends the body chunked, which costs more on every request.
  headers["Content-Length"] = String(body.length);
  return new Response(bytesStream(body), { status: 200, headers });
}

// ---- The CASE 1.1 REST binding ------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/**
 * The token check and the identifier of a CASE lookup, lower-cased. An id that is not a UUID is
 * a malformed request (400, codeMinor invalid_uuid), told apart from a well-formed id that names
 * nothing (404 unknownobject), so a client knows whether to fix its call or its data.
 */
export async function requireCaseLookup(request: Request, id: string | undefined): Promise<{ identifier: string; token: TokenSummary }> {
  const token = await requireCaseToken(request);
  if (!id || !UUID.test(id)) caseFail(400, "invalid_uuid", `"${id ?? ""}" is not a UUID; CASE identifiers are UUIDs.`);
  return { identifier: id.toLowerCase(), token };
}

/** Throws 404 unknownobject: no object of this kind (e.g. "CFItem") has this identifier. */
export function caseUnknown(kind: string, id: string): never {
  caseFail(404, "unknownobject", `No ${kind} with the identifier ${id} in the latest published frameworks.`);
}

/** The CASE object of this type and id, or the spec's imsx_StatusInfo: 404 invalid_uuid or unknownobject. */
export async function caseLookup<T extends CaseLookupType>(request: Request, type: T, id: string | undefined) {
  const { identifier, token } = await requireCaseLookup(request, id);
  const found = await findCaseObject(type, identifier, token.mdoId);
  if (found) return found;
  if (token.mdoId !== null && (await findCaseObject(type, identifier))) {
    await logRefusal(request, { status: 404, tokenId: token.id, reason: "outside the token's ministry" }, token.mdoId);
  }
  return caseUnknown(type.replace(/s$/u, ""), identifier);
}

/**
 * A lookup the binding defines but FRAC has no objects for (CFConcepts, CFSubjects, CFLicenses,
 * CFAssociationGroupings): the same checks as the others, then 404 unknownobject.
 */
export async function caseAbsent(request: Request, type: string, id: string | undefined): Promise<never> {
  const { identifier } = await requireCaseLookup(request, id);
  caseFail(404, "unknownobject", `No ${type.replace(/s$/u, "")} with the identifier ${identifier}: FRAC Studio publishes no ${type}.`);
}

/** A CASE JSON response; these change with each publication, so no long-lived caching. */
export function caseJson(body: unknown, headers: Record<string, string> = {}): Response {
  return apiJson(body, 200, { "Cache-Control": "private, no-cache", ...headers });
}

export const CASE_MAX_LIMIT = 1000;

/** `limit`, `offset` and `sort` of a CASE list request; bad values are a 400 imsx_StatusInfo. */
export function casePaging(request: Request, sortable: readonly string[]) {
  const params = new URL(request.url).searchParams;
  const int = (name: string, fallback: number, max: number) => {
    const raw = params.get(name);
    if (raw === null || raw === "") return fallback;
    if (!/^[0-9]{1,9}$/u.test(raw)) caseFail(400, "invalid_selection_field", `\`${name}\` must be a whole number ≥ 0, not "${raw}".`, { field: name });
    const value = Number(raw);
    if (value > max) caseFail(400, "invalid_selection_field", `\`${name}\` may be at most ${max}; page with \`offset\`.`, { field: name });
    return value;
  };
  const limit = int("limit", 100, CASE_MAX_LIMIT);
  const offset = int("offset", 0, Number.MAX_SAFE_INTEGER);
  const sort = params.get("sort");
  if (sort !== null && !sortable.includes(sort)) caseFail(400, "invalid_sort_field", `Cannot sort by "${sort}"; sort by one of ${sortable.join(", ")}.`, { field: "sort" });
  const orderBy = params.get("orderBy") ?? "asc";
  if (orderBy !== "asc" && orderBy !== "desc") caseFail(400, "invalid_sort_field", "`orderBy` is asc or desc.", { field: "orderBy" });
  return { limit, offset, sort, orderBy };
}
