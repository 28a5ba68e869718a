/**
 * The OpenAPI 3.1 description of the read API, served at /api/v1/openapi.json.
 * tests/integration/api-openapi.test.ts checks it against the route files, both ways.
 */

const error = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});
const caseError = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/ImsxStatusInfo" } } },
});
const jsonOk = (description: string, schema: object = { type: "object" }, headers?: object) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { "application/json": { schema } },
});
const retryAfter = { "Retry-After": { description: "Seconds until requests are accepted again.", schema: { type: "integer", minimum: 1 } } };
const unauthorized = {
  401: error("No token (and the ministry's reading is not open), a malformed Authorization header, or a wrong, revoked or expired token."),
  429: {
    ...error("A token made more requests than its rate limit allows, or (without a token) too many requests came from this address; try again after Retry-After seconds."),
    headers: retryAfter,
  },
};
const caseUnauthorized = {
  401: caseError("No token (and the framework's reading is not open), or a wrong, revoked or expired token."),
  429: {
    ...caseError("Over the token's rate limit, or without a token too many requests from this address (imsx_codeMinor server_busy); try again after Retry-After seconds."),
    headers: retryAfter,
  },
};
const mdoParam = { name: "mdo", in: "path", required: true, description: "The ministry's code, e.g. CBIC.", schema: { type: "string" } };
const sourcedId = { name: "sourcedId", in: "path", required: true, description: "The object's identifier (a UUID).", schema: { type: "string", format: "uuid" } };

const caseNotFound = caseError("No such object in the latest published frameworks (imsx_codeMinor unknownobject).");
const caseMalformed = { 400: caseError("The identifier is not a UUID (imsx_codeMinor invalid_uuid).") };

function caseLookup(tag: string, summary: string) {
  return {
    get: {
      tags: ["CASE 1.1"],
      operationId: `get${tag}`,
      "x-public-read": true,
      summary,
      parameters: [sourcedId],
      responses: { 200: jsonOk(summary), ...caseMalformed, ...caseUnauthorized, 404: caseNotFound },
    },
  };
}

/** A lookup of the binding that FRAC has no objects for: every id is unknown. */
function caseAbsentLookup(tag: string, what: string) {
  return {
    get: {
      tags: ["CASE 1.1"],
      operationId: `get${tag}`,
      "x-public-read": true,
      summary: `Always 404 unknownobject: FRAC Studio publishes no ${what}.`,
      parameters: [sourcedId],
      responses: { ...caseMalformed, ...caseUnauthorized, 404: caseNotFound },
    },
  };
}

const immutable = { "Cache-Control": { description: "private, max-age=31536000, immutable", schema: { type: "string" } } };
const etag = { ETag: { description: "Strong ETag: the sha256 of the bytes sent.", schema: { type: "string" } } };

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "FRAC Studio read API",
    version: "1.0.0",
    description:
      "Published (approved) FRAC frameworks as JSON, CSV, XLSX and CASE 1.1. Read-only; drafts are never served. See docs/api.md. " +
      "Every operation marked `x-public-read: true` (security `{}` allowed) also answers without a token for the published versions of open ministries: " +
      "all of them when the server runs with PUBLIC_READ=1, else those an admin opened on /admin/mdos; such requests are rate-limited per IP (429). " +
      "A token reads every published version, with its own limits.",
  },
  servers: [{ url: "/" }],
  // The empty requirement: these operations may be called without a token (x-public-read).
  security: [{ bearerAuth: [] }, {}],
  tags: [{ name: "Frameworks" }, { name: "CASE 1.1" }],
  paths: {
    "/api/v1/openapi.json": {
      get: { tags: ["Frameworks"], operationId: "getOpenApi", summary: "This description.", security: [], responses: { 200: jsonOk("OpenAPI 3.1") } },
    },
    "/api/v1/frameworks": {
      get: {
        tags: ["Frameworks"],
        operationId: "listFrameworks",
        "x-public-read": true,
        summary: "Published frameworks with their latest version, published date and links.",
        responses: { 200: jsonOk("The frameworks", { $ref: "#/components/schemas/FrameworkList" }), ...unauthorized },
      },
    },
    "/api/v1/changes": {
      get: {
        tags: ["Frameworks"],
        operationId: "listChanges",
        "x-public-read": true,
        summary: "Versions published after `since`, oldest first, with the node ids each retired.",
        parameters: [
          { name: "since", in: "query", required: true, description: "ISO 8601 time (or date); poll again with the answer's `until`.", schema: { type: "string", format: "date-time" } },
        ],
        responses: {
          200: jsonOk("The publications", { $ref: "#/components/schemas/Changes" }),
          400: error("`since` is missing or not an ISO 8601 time."),
          ...unauthorized,
        },
      },
    },
    "/api/v1/frameworks/{mdo}/versions": {
      get: {
        tags: ["Frameworks"],
        operationId: "listVersions",
        "x-public-read": true,
        summary: "A ministry's published versions, newest first.",
        parameters: [mdoParam],
        responses: { 200: jsonOk("The versions"), ...unauthorized, 404: error("No ministry with that code.") },
      },
    },
    "/api/v1/frameworks/{mdo}/versions/{file}": {
      get: {
        tags: ["Frameworks"],
        operationId: "getVersionFile",
        "x-public-read": true,
        summary: "A published version as N.json, N.csv, N.xlsx or N.case.json; latest.<format> redirects to the numbered file.",
        parameters: [
          mdoParam,
          {
            name: "file",
            in: "path",
            required: true,
            description: "`N.json` (the FracDocument, byte for byte as published), `N.csv` (flat layout, UTF-8 with BOM), `N.xlsx`, `N.case.json` (CASE 1.1 CFPackage); N is a version number or `latest`.",
            schema: { type: "string", pattern: "^([1-9][0-9]*|latest)\\.(json|csv|xlsx|case\\.json)$" },
            example: "1.json",
          },
          { name: "If-None-Match", in: "header", required: false, description: "An ETag from an earlier response.", schema: { type: "string" } },
        ],
        responses: {
          200: {
            description: "The file, as an attachment.",
            headers: { ...etag, ...immutable, "Content-Disposition": { description: 'attachment; filename="CODE-vN.ext"', schema: { type: "string" } } },
            content: {
              "application/json": { schema: { $ref: "/schemas/frac-document.schema.json" } },
              "text/csv": { schema: { type: "string" } },
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", contentEncoding: "binary" } },
            },
          },
          302: { description: "latest.<format>: the numbered file is at Location.", headers: { Location: { schema: { type: "string" } } } },
          304: { description: "If-None-Match matched: the client's copy is current.", headers: { ...etag } },
          400: error("Unknown format, or a malformed version number."),
          ...unauthorized,
          404: error("No such ministry or version, or a draft (never served to tokens)."),
        },
      },
    },
    "/api/v1/frameworks/{mdo}/versions/{number}/{file}": {
      get: {
        tags: ["Frameworks"],
        operationId: "getVersionDemand",
        "x-public-read": true,
        summary: "The competency demand of a published version: per competency and level, how many positions and sanctioned posts need it.",
        parameters: [
          mdoParam,
          { name: "number", in: "path", required: true, description: "A published version's number.", schema: { type: "string", pattern: "^[1-9][0-9]*$" }, example: "1" },
          {
            name: "file",
            in: "path",
            required: true,
            description: "`demand.json` (an array of `{ competency: { id, code, name, type }, level, positions, posts }`) or `demand.csv` (the same as a table, UTF-8 with BOM, cells safe for spreadsheets).",
            schema: { type: "string", enum: ["demand.json", "demand.csv"] },
            example: "demand.json",
          },
          { name: "If-None-Match", in: "header", required: false, description: "An ETag from an earlier response.", schema: { type: "string" } },
        ],
        responses: {
          200: {
            description: "The demand, as an attachment.",
            headers: { ...etag, ...immutable },
            content: { "application/json": { schema: { type: "array" } }, "text/csv": { schema: { type: "string" } } },
          },
          304: { description: "If-None-Match matched: the client's copy is current.", headers: { ...etag } },
          400: error("Unknown file, or a malformed version number."),
          ...unauthorized,
          404: error("No such ministry or version, or a draft (never served)."),
        },
      },
    },
    "/ims/case/v1p1/CFDocuments": {
      get: {
        tags: ["CASE 1.1"],
        operationId: "getAllCFDocuments",
        "x-public-read": true,
        summary: "One CFDocument per published framework: its latest version.",
        parameters: [
          { name: "limit", in: "query", schema: { type: "integer", minimum: 0, maximum: 1000, default: 100 } },
          { name: "offset", in: "query", schema: { type: "integer", minimum: 0, default: 0 } },
          { name: "sort", in: "query", schema: { type: "string", enum: ["title", "creator", "lastChangeDateTime", "identifier", "version"] } },
          { name: "orderBy", in: "query", schema: { type: "string", enum: ["asc", "desc"] } },
        ],
        responses: {
          200: jsonOk("The documents", { type: "object", properties: { CFDocuments: { type: "array", items: { type: "object" } } } }, {
            "X-Total-Count": { description: "How many documents there are in all.", schema: { type: "integer" } },
          }),
          400: caseError("A bad limit (over 1000), offset, sort or orderBy."),
          ...caseUnauthorized,
        },
      },
    },
    "/ims/case/v1p1/CFDocuments/{sourcedId}": caseLookup("CFDocument", "A CFDocument, with its CFPackageURI."),
    "/ims/case/v1p1/CFPackages/{sourcedId}": caseLookup("CFPackage", "The CFPackage of the CFDocument with this identifier."),
    "/ims/case/v1p1/CFItems/{sourcedId}": caseLookup("CFItem", "A CFItem with its CFDocumentURI (its identifier is the node's UUID)."),
    "/ims/case/v1p1/CFItemAssociations/{sourcedId}": caseLookup("CFItemAssociations", "A CFAssociationSet: a CFItem and every CFAssociation it takes part in."),
    "/ims/case/v1p1/CFAssociations/{sourcedId}": caseLookup("CFAssociation", "A CFAssociation (isChildOf or hasSkillLevel)."),
    "/ims/case/v1p1/CFRubrics/{sourcedId}": caseLookup("CFRubric", "A CFRubric: a competency's proficiency scale."),
    "/ims/case/v1p1/CFItemTypes/{sourcedId}": caseLookup("CFItemType", "A CFItemTypeSet holding this CFItemType (the types are flat: no children)."),
    "/ims/case/v1p1/CFConcepts/{sourcedId}": caseAbsentLookup("CFConcept", "CFConcepts"),
    "/ims/case/v1p1/CFSubjects/{sourcedId}": caseAbsentLookup("CFSubject", "CFSubjects"),
    "/ims/case/v1p1/CFLicenses/{sourcedId}": caseAbsentLookup("CFLicense", "CFLicenses"),
    "/ims/case/v1p1/CFAssociationGroupings/{sourcedId}": caseAbsentLookup("CFAssociationGrouping", "CFAssociationGroupings"),
  },
  components: {
    securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "An API token from an admin (`frac token create NAME`); it may expire (`--expires`) and may be scoped to one ministry (`--mdo`), whose frameworks alone it reads (others answer 404)." } },
    schemas: {
      Error: { type: "object", required: ["error"], properties: { error: { type: "string" } } },
      ImsxStatusInfo: {
        type: "object",
        required: ["imsx_codeMajor", "imsx_severity"],
        properties: {
          imsx_codeMajor: { type: "string", enum: ["success", "processing", "failure", "unsupported"] },
          imsx_severity: { type: "string", enum: ["status", "warning", "error"] },
          imsx_description: { type: "string" },
          imsx_codeMinor: {
            type: "object",
            properties: {
              imsx_codeMinorField: {
                type: "array",
                items: { type: "object", properties: { imsx_codeMinorFieldName: { type: "string" }, imsx_codeMinorFieldValue: { type: "string" } } },
              },
            },
          },
        },
      },
      FrameworkList: {
        type: "object",
        properties: {
          frameworks: {
            type: "array",
            items: {
              type: "object",
              properties: {
                code: { type: "string" },
                name: { type: "string" },
                latestVersion: { type: "integer" },
                publishedAt: { type: "string", format: "date-time" },
                sha256: { type: "string" },
                links: { type: "object", additionalProperties: { type: "string" } },
              },
            },
          },
        },
      },
      Changes: {
        type: "object",
        properties: {
          since: { type: "string", format: "date-time" },
          until: { type: "string", format: "date-time" },
          publications: {
            type: "array",
            items: {
              type: "object",
              properties: {
                code: { type: "string" },
                version: { type: "integer" },
                previousVersion: { type: ["integer", "null"] },
                publishedAt: { type: "string", format: "date-time" },
                retiredNodeIds: { type: "array", items: { type: "string", format: "uuid" } },
              },
            },
          },
        },
      },
    },
  },
} as const;
