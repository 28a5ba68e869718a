/**
 * The read API's edges: bearer-token authentication, JSON and CASE (imsx_StatusInfo) error
 * responses, and read responses with a strong ETag per encoding, 304 on If-None-Match, and
 * br/gzip by Accept-Encoding.
 * Errors are thrown as Responses so loaders stay straight-line, like app/http/errors.server.ts.
 */
import type { AppLoadContext } from "@remix-run/node";
import { recordRefusal } from "~/models/audit/access-log.server";
import { caseObjectMinistries, findCaseObject, listCaseDocuments, type CaseLookupType } from "~/models/read-api/case-binding.server";
import { getMdoByCode, type MdoRow } from "~/models/access/mdos.server";
import { findSourceCaseObject } from "~/models/dictionary/case-source.server";
import { openMinistries } from "~/models/read-api/public-read.server";
import { publicReadForAll } from "~/config.server";
import { checkTokenText, type TokenSummary } from "~/models/access/tokens.server";
import { compressedBody, encodedEtag, negotiateEncoding } from "~/models/read-api/compressed-bytes.server";
import { sha256Hex } from "@db/hash";
import { jsonBytes } from "~/models/read-api/json-bytes.server";
import { takeApiRequest, takePublicRead } from "./api-rate-limit.server";

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

declare module "@remix-run/server-runtime" {
  interface AppLoadContext {
    /** The client's address (scripts/serve.ts sets it from Express), for per-IP limits. */
    clientIp?: string;
  }
}

/**
 * Who reads: a token holder reads the published versions of its ministry (or of every ministry
 * when the token has no scope); without a token, only open ministries'.
 */
export type Reader = { token: TokenSummary | null; mayRead: (mdoId: string) => boolean };
type Refuse = (status: number, message: string, headers: Record<string, string>, codeMinor: string) => never;

/** Logs a refused token check and refuses with its status and headers (429 is CASE's server_busy). */
async function refuseToken(request: Request, problem: TokenProblem, refuse: Refuse): Promise<never> {
  await logRefusal(request, problem);
  return refuse(problem.status, problem.message, problem.headers, problem.status === 429 ? "server_busy" : "unauthorised_request");
}

/**
 * The reader of a read-API or CASE request. A request with an Authorization header must carry a
 * valid, unexpired token within its rate limit (401 or 429 otherwise, logged) and reads what the
 * token's scope allows. Without one, it reads the published versions of open ministries
 * (PUBLIC_READ=1, or opened on /admin/mdos), counted per IP (429 with Retry-After over the
 * limit); when no ministry is open, it is refused with 401 as before.
 */
async function requireReader(request: Request, context: AppLoadContext | undefined, refuse: Refuse): Promise<Reader> {
  const checked = await checkToken(request);
  if (request.headers.get("Authorization") !== null) {
    if ("reason" in checked) return refuseToken(request, checked, refuse);
    return { token: checked, mayRead: (mdoId) => inTokenScope(checked, mdoId) };
  }
  const open = openMinistries();
  if (!open.all && open.ids.size === 0 && "reason" in checked) return refuseToken(request, checked, refuse);
  const wait = await takePublicRead(context?.clientIp ?? "unknown");
  if (wait !== null) {
    refuse(429, `Too many requests without a token from this address; wait ${wait} s, or ask a FRAC Studio admin for a token.`, { "Retry-After": String(wait) }, "server_busy");
  }
  return { token: null, mayRead: (mdoId) => open.all || open.ids.has(mdoId) };
}

const NEEDS_TOKEN = "This ministry's frameworks need a token: send `Authorization: Bearer TOKEN` (ask a FRAC Studio admin for one).";

/** The reader of a /api/v1 request; refusals are `{ error }` JSON. */
export function requireApiReader(request: Request, context?: AppLoadContext): Promise<Reader> {
  return requireReader(request, context, (status, message, headers) => apiFail(status, message, headers));
}

/** The reader of a CASE binding request; refusals are imsx_StatusInfo. */
export function requireCaseReader(request: Request, context?: AppLoadContext): Promise<Reader> {
  return requireReader(request, context, (status, message, headers, codeMinor) => caseFail(status, codeMinor, message, { headers }));
}

/** True when the token may read this ministry's frameworks (tokens without a scope read every one). */
export function inTokenScope(token: TokenSummary, mdoId: string): boolean {
  return token.mdoId === null || token.mdoId === mdoId;
}

/**
 * The active ministry with this code that the reader may read. Unknown, or outside a scoped
 * token's ministry, is 404 with the same message (so scopes do not leak; the second is logged);
 * a ministry that is not open, asked for without a token, is 401.
 */
export async function requireApiMdo(request: Request, reader: Reader, code: string | undefined): Promise<MdoRow> {
  const mdo = getMdoByCode({ code: code ?? "" });
  if (mdo && reader.mayRead(mdo.id)) return mdo;
  if (mdo && reader.token) {
    await logRefusal(request, { status: 404, tokenId: reader.token.id, reason: "outside the token's ministry" }, mdo.id);
  }
  if (mdo && !reader.token) apiFail(401, NEEDS_TOKEN, { "WWW-Authenticate": `Bearer realm="frac"` });
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

type BodyOptions = { contentType: string; filename?: string; sha256?: string; cacheControl?: string; headers?: Record<string, string> };

/**
 * A read response: 304 when the client already has this representation, else the bytes in the
 * best encoding the request accepts (br, gzip or none), with `Vary: Accept-Encoding` and an ETag
 * per encoding (`"sha256"`, `"sha256-br"`, `"sha256-gzip"`). Compressed bytes are made once per
 * body and kept (app/models/read-api/compressed-bytes.server.ts); an XLSX is a zip already and goes as it is.
 */
export async function fileResponse(request: Request, body: Uint8Array<ArrayBuffer>, options: BodyOptions): Promise<Response> {
  const sha256 = options.sha256 ?? sha256Hex(body);
  const compressible = !options.contentType.startsWith("application/vnd.openxmlformats");
  const encoding = compressible ? negotiateEncoding(request.headers.get("Accept-Encoding")) : "identity";
  const etag = encodedEtag(sha256, encoding);
  const headers: Record<string, string> = { ...options.headers, ETag: etag };
  if (compressible) headers.Vary = "Accept-Encoding";
  if (options.cacheControl) headers["Cache-Control"] = options.cacheControl;
  if (etagMatches(request, etag)) return new Response(null, { status: 304, headers });
  headers["Content-Type"] = options.contentType;
  if (options.filename) headers["Content-Disposition"] = `attachment; filename="${options.filename}"`;
  const bytes = encoding === "identity" ? body : (await compressedBody(sha256, body, encoding)).bytes;
  if (encoding !== "identity") headers["Content-Encoding"] = encoding;
  // why: without a length the adapter sends the body chunked, which costs more on every request.
  headers["Content-Length"] = String(bytes.length);
  return new Response(bytesStream(bytes), { status: 200, headers });
}

/** A JSON read response (lists, CASE objects): ETag, 304 and compression as fileResponse. */
export function readJson(request: Request, body: object, headers: Record<string, string> = {}): Promise<Response> {
  const { bytes, sha256 } = jsonBytes(body);
  return fileResponse(request, bytes, { contentType: JSON_TYPE, sha256, cacheControl: "private, no-cache", headers });
}

// ---- The CASE 1.1 REST binding ------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/**
 * The reader and the identifier of a CASE lookup, lower-cased. An id that is not a UUID is a
 * malformed request (400, codeMinor invalid_uuid), told apart from a well-formed id that names
 * nothing (404 unknownobject), so a client knows whether to fix its call or its data.
 */
export async function requireCaseLookup(request: Request, context: AppLoadContext | undefined, id: string | undefined): Promise<{ identifier: string; reader: Reader }> {
  const reader = await requireCaseReader(request, context);
  if (!id || !UUID.test(id)) caseFail(400, "invalid_uuid", `"${id ?? ""}" is not a UUID; CASE identifiers are UUIDs.`);
  return { identifier: id.toLowerCase(), reader };
}

/** Refuses (401) a reader without a token when no open ministry's package holds this object. */
export async function requireCaseObjectReadable(reader: Reader, identifier: string): Promise<void> {
  if (reader.token) return;
  const owners = await caseObjectMinistries(identifier);
  if (owners.size > 0 && ![...owners].some(reader.mayRead)) {
    caseFail(401, "unauthorised_request", NEEDS_TOKEN, { headers: { "WWW-Authenticate": `Bearer realm="frac"` } });
  }
}

/** Throws 404 unknownobject: no object of this kind (e.g. "CFItem") has this identifier. */
export function caseUnknown(kind: string, id: string): never {
  caseFail(404, "unknownobject", `No ${kind} with the identifier ${id} in the latest published frameworks.`);
}

/** The ministry a reader's CASE lookups are limited to: a scoped token's, else none (every ministry). */
export function caseScopeOf(reader: Reader): string | null {
  return reader.token?.mdoId ?? null;
}

/**
 * The CASE object of this type and id that the reader may read, or the spec's imsx_StatusInfo:
 * 400 invalid_uuid, 401 (no token, object only in ministries that are not open), or 404
 * unknownobject (also for an object outside a scoped token's ministry, which is logged).
 */
export async function caseLookup<T extends CaseLookupType>(request: Request, context: AppLoadContext | undefined, type: T, id: string | undefined) {
  const { identifier, reader } = await requireCaseLookup(request, context, id);
  await requireCaseObjectReadable(reader, identifier);
  const found = await findCaseObject(type, identifier, caseScopeOf(reader));
  if (found) return found;
  const outside = findSourceCaseObject(type, identifier);
  if (outside) {
    // why: outside frameworks are shared reference data; without a token they are as open as PUBLIC_READ makes published frameworks.
    if (!reader.token && !publicReadForAll()) caseFail(401, "unauthorised_request", NEEDS_TOKEN, { headers: { "WWW-Authenticate": `Bearer realm="frac"` } });
    return outside;
  }
  if (caseScopeOf(reader) !== null && (await findCaseObject(type, identifier))) await logCaseOutOfScope(request, reader);
  return caseUnknown(type.replace(/s$/u, ""), identifier);
}

/**
 * The CFDocuments this reader may list: a scoped token's ministry's only, every one for other
 * tokens, and without a token only those of open ministries.
 */
export async function readableCaseDocuments(reader: Reader) {
  const documents = await listCaseDocuments(caseScopeOf(reader));
  if (reader.token) return documents;
  const readable = await Promise.all(documents.map(async (d) => [...(await caseObjectMinistries(d.identifier))].some(reader.mayRead)));
  return documents.filter((_, i) => readable[i]);
}

/** Logs a CASE lookup refused (as unknown) because the object is outside the token's ministry. */
export function logCaseOutOfScope(request: Request, reader: Reader): Promise<void> {
  return logRefusal(request, { status: 404, tokenId: reader.token?.id ?? null, reason: "outside the token's ministry" }, caseScopeOf(reader));
}

/**
 * A lookup the binding defines but FRAC has no objects for (CFConcepts, CFSubjects, CFLicenses,
 * CFAssociationGroupings): the same checks as the others, then 404 unknownobject.
 */
export async function caseAbsent(request: Request, context: AppLoadContext | undefined, type: string, id: string | undefined): Promise<never> {
  const { identifier } = await requireCaseLookup(request, context, id);
  caseFail(404, "unknownobject", `No ${type.replace(/s$/u, "")} with the identifier ${identifier}: FRAC Studio publishes no ${type}.`);
}

/** A CASE JSON response; these change with each publication, so no long-lived caching (but an ETag, 304 and compression). */
export function caseJson(request: Request, body: object, headers: Record<string, string> = {}): Promise<Response> {
  return readJson(request, body, headers);
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
