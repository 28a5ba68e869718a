/**
 * The read API's edges: bearer-token authentication, JSON and CASE (imsx_StatusInfo) error
 * responses, and file responses with a strong ETag and 304 on If-None-Match.
 * Errors are thrown as Responses so loaders stay straight-line, like app/utils/http.server.ts.
 */
import { sha256Hex } from "./hash.server";
import { verifyToken, type TokenSummary } from "~/models/token.server";
import { getVersion, listPublishedFrameworks } from "~/models/version.server";
import { buildCasePackage } from "../../export/index";
import type { CFAssociation, CFDocument } from "../../export/case-types";

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

type TokenProblem = { message: string; challenge: string };

/** Why this request's token is refused, or the token. */
function checkToken(request: Request): TokenSummary | TokenProblem {
  const header = request.headers.get("Authorization");
  if (!header) {
    return { message: "This API needs a token: send `Authorization: Bearer TOKEN` (ask a FRAC Studio admin for one).", challenge: `Bearer realm="frac"` };
  }
  const invalid = `Bearer realm="frac", error="invalid_token"`;
  const match = /^Bearer[ ]+(\S+)\s*$/iu.exec(header);
  if (!match) return { message: "Malformed Authorization header: expected `Bearer TOKEN`.", challenge: invalid };
  return verifyToken(match[1]) ?? { message: "The token is not valid or has been revoked.", challenge: invalid };
}

/** The token sent as `Authorization: Bearer TOKEN`; anything else is a 401 `{ error }` with `WWW-Authenticate: Bearer`. */
export function requireApiToken(request: Request): TokenSummary {
  const result = checkToken(request);
  if ("challenge" in result) apiFail(401, result.message, { "WWW-Authenticate": result.challenge });
  return result;
}

/** The same check for the CASE binding, refusing with the spec's imsx_StatusInfo payload. */
export function requireCaseToken(request: Request): TokenSummary {
  const result = checkToken(request);
  if ("challenge" in result) caseFail(401, "unauthorisedrequest", result.message, { headers: { "WWW-Authenticate": result.challenge } });
  return result;
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

/** A file response: 304 when the client already has these bytes, else the bytes with their headers. */
export function fileResponse(
  request: Request,
  body: string | Uint8Array<ArrayBuffer>,
  { contentType, filename, sha256, cacheControl }: { contentType: string; filename?: string; sha256?: string; cacheControl?: string },
): Response {
  const etag = strongEtag(sha256 ?? sha256Hex(body));
  const headers: Record<string, string> = { ETag: etag };
  if (cacheControl) headers["Cache-Control"] = cacheControl;
  if (etagMatches(request, etag)) return new Response(null, { status: 304, headers });
  headers["Content-Type"] = contentType;
  if (filename) headers["Content-Disposition"] = `attachment; filename="${filename}"`;
  return new Response(body, { status: 200, headers });
}

const MEMO_LIMIT = 32;
const memo = new Map<string, Promise<unknown>>();

/**
 * Memoises work derived from an immutable published snapshot (keyed by its sha256), so an
 * export is built once per process and every response carries the same bytes and ETag (XLSX
 * files embed their creation time, so rebuilding would change them). Oldest entries go first.
 */
export function memoBySnapshot<T>(key: string, build: () => T | Promise<T>): Promise<T> {
  const hit = memo.get(key);
  if (hit) {
    memo.delete(key);
    memo.set(key, hit);
    return hit as Promise<T>;
  }
  const value = Promise.resolve().then(build);
  memo.set(key, value);
  value.catch(() => memo.delete(key));
  while (memo.size > MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  return value;
}

// ---- The CASE 1.1 REST binding ------------------------------------------------------------

/** Lookups of the latest published version of every framework, as CASE objects by identifier. */
export type CaseIndex = {
  documents: CFDocument[];
  byType: Record<CaseLookupType, Map<string, unknown>>;
  associationsByItem: Map<string, CFAssociation[]>;
};
export type CaseLookupType = "CFDocuments" | "CFPackages" | "CFItems" | "CFAssociations" | "CFRubrics" | "CFItemTypes";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** The CFDocument as the binding serves it: with a link to its whole package. */
function withPackageUri(doc: CFDocument) {
  return { ...doc, CFPackageURI: { title: doc.title, identifier: doc.identifier, uri: doc.uri.replace("/CFDocuments/", "/CFPackages/") } };
}

/** The CASE package of every framework's latest published version; each built once per snapshot. */
export async function caseIndex(): Promise<CaseIndex> {
  const latest = listPublishedFrameworks();
  const key = `case-index:${latest.map((f) => f.sha256).join(",")}`;
  return memoBySnapshot(key, async () => {
    const index: CaseIndex = {
      documents: [],
      byType: { CFDocuments: new Map(), CFPackages: new Map(), CFItems: new Map(), CFAssociations: new Map(), CFRubrics: new Map(), CFItemTypes: new Map() },
      associationsByItem: new Map(),
    };
    for (const f of latest) {
      const pkg = await memoBySnapshot(`${f.sha256}:case-object`, () => {
        const version = getVersion({ mdoId: f.mdoId, number: f.latestVersion });
        if (!version) throw new Error(`version ${f.latestVersion} of ${f.code} vanished`);
        return buildCasePackage(version.document);
      });
      const id = pkg.CFDocument.identifier;
      const document = withPackageUri(pkg.CFDocument);
      index.documents.push(document);
      index.byType.CFDocuments.set(id, document);
      index.byType.CFPackages.set(id, pkg);
      for (const item of pkg.CFItems) index.byType.CFItems.set(item.identifier, item);
      for (const a of pkg.CFAssociations) {
        index.byType.CFAssociations.set(a.identifier, a);
        for (const end of [a.originNodeURI.identifier, a.destinationNodeURI.identifier]) {
          const list = index.associationsByItem.get(end) ?? [];
          list.push(a);
          index.associationsByItem.set(end, list);
        }
      }
      for (const r of pkg.CFRubrics) index.byType.CFRubrics.set(r.identifier, r);
      for (const t of pkg.CFDefinitions.CFItemTypes) index.byType.CFItemTypes.set(t.identifier, t);
    }
    return index;
  });
}

/** The CASE object of this type and id, or the spec's imsx_StatusInfo: 400 invalid_uuid, 404 unknownobject. */
export async function caseLookup(request: Request, type: CaseLookupType, id: string | undefined): Promise<unknown> {
  requireCaseToken(request);
  if (!id || !UUID.test(id)) caseFail(400, "invalid_uuid", `"${id ?? ""}" is not a UUID; CASE identifiers are UUIDs.`);
  const found = (await caseIndex()).byType[type].get(id.toLowerCase());
  if (found === undefined) caseFail(404, "unknownobject", `No ${type.replace(/s$/u, "")} with the identifier ${id} in the latest published frameworks.`);
  return found;
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

export { sha256Hex };
