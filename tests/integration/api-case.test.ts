// The CASE 1.1 REST binding (/ims/case/v1p1) on the seeded database: CBIC's version 1 is the
// only published framework, so it is the one CFDocument.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterEach, describe, expect, it } from "vitest";
import { appBaseUrl } from "~/config.server";
import { createToken } from "~/models/access/tokens.server";
import { loader as groupingLoader } from "~/routes/ims.case.v1p1.CFAssociationGroupings.$id";
import { loader as associationLoader } from "~/routes/ims.case.v1p1.CFAssociations.$id";
import { loader as conceptLoader } from "~/routes/ims.case.v1p1.CFConcepts.$id";
import { loader as documentLoader } from "~/routes/ims.case.v1p1.CFDocuments.$id";
import { loader as documentsLoader } from "~/routes/ims.case.v1p1.CFDocuments._index";
import { loader as itemAssociationsLoader } from "~/routes/ims.case.v1p1.CFItemAssociations.$id";
import { loader as itemLoader } from "~/routes/ims.case.v1p1.CFItems.$id";
import { loader as itemTypeLoader } from "~/routes/ims.case.v1p1.CFItemTypes.$id";
import { loader as licenseLoader } from "~/routes/ims.case.v1p1.CFLicenses.$id";
import { loader as packageLoader } from "~/routes/ims.case.v1p1.CFPackages.$id";
import { loader as rubricLoader } from "~/routes/ims.case.v1p1.CFRubrics.$id";
import { loader as subjectLoader } from "~/routes/ims.case.v1p1.CFSubjects.$id";
import { expectCaseValid } from "../support/case-schemas";

const created = createToken({ name: "case-test", createdBy: null });
if (!created.ok) throw new Error(created.message);
const TOKEN = created.token;

type Loader = (args: LoaderFunctionArgs) => Promise<Response>;
async function call(loader: Loader, path: string, params: Record<string, string> = {}, token: string | null = TOKEN) {
  const request = new Request(`http://localhost/ims/case/v1p1/${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  try {
    return await loader({ request, params, context: {} });
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

async function theDocument() {
  const { CFDocuments } = await (await call(documentsLoader, "CFDocuments")).json();
  return CFDocuments[0] as { identifier: string; title: string };
}

function expectStatusInfo(body: unknown, codeMinor: string) {
  expectCaseValid("imsx_statusinfo", body);
  expect(body).toEqual({
    imsx_codeMajor: "failure",
    imsx_severity: "error",
    imsx_description: expect.any(String),
    imsx_codeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: "sourcedId", imsx_codeMinorFieldValue: codeMinor }] },
  });
}

const LOOKUPS = [documentLoader, packageLoader, itemLoader, associationLoader, itemAssociationsLoader, rubricLoader, itemTypeLoader];
const ABSENT = [conceptLoader, subjectLoader, licenseLoader, groupingLoader];

afterEach(() => {
  delete process.env.APP_URL;
});

describe("CASE 1.1 REST binding", () => {
  it("lists one CFDocument per published framework with X-Total-Count, paged", async () => {
    const res = await call(documentsLoader, "CFDocuments");
    expect(res.status).toBe(200);
    expect(res.headers.get("X-Total-Count")).toBe("1");
    const { CFDocuments } = await res.json();
    expect(CFDocuments).toHaveLength(1);
    expectCaseValid("cfdocumentset", { CFDocuments });
    expect(CFDocuments[0]).toMatchObject({ caseVersion: "1.1", version: "1", adoptionStatus: "Adopted", extensions: { mdoCode: "CBIC" } });
    const empty = await call(documentsLoader, "CFDocuments?offset=1&limit=10&sort=title&orderBy=desc");
    expect((await empty.json()).CFDocuments).toEqual([]);
    expect(empty.headers.get("X-Total-Count")).toBe("1");
  });

  it("refuses a huge limit, a bad offset and an unknown sort with 400", async () => {
    for (const query of ["limit=5000", "limit=-1", "offset=x", "sort=password", "orderBy=sideways"]) {
      const res = await call(documentsLoader, `CFDocuments?${query}`);
      expect(res.status, query).toBe(400);
      const body = await res.json();
      expect(body.imsx_codeMajor).toBe("failure");
      expect(body.imsx_codeMinor.imsx_codeMinorField[0].imsx_codeMinorFieldName).toBe(query.split("=")[0]);
    }
  });

  it("refuses requests without a valid token with 401", async () => {
    const none = await call(documentsLoader, "CFDocuments", {}, null);
    expect(none.status).toBe(401);
    expect(none.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    expectStatusInfo(await none.json(), "unauthorised_request");
    expect((await call(itemLoader, "CFItems/x", { id: crypto.randomUUID() }, "frac_wrong")).status).toBe(401);
  });

  it("answers each lookup in the shape of the official schema of that response", async () => {
    const doc = await theDocument();
    const document = await (await call(documentLoader, `CFDocuments/${doc.identifier}`, { id: doc.identifier })).json();
    expect(document).toMatchObject({ identifier: doc.identifier, CFPackageURI: { identifier: doc.identifier } });
    expectCaseValid("cfdocument", document);
    const pkg = await (await call(packageLoader, `CFPackages/${doc.identifier}`, { id: doc.identifier })).json();
    expect(pkg.CFDocument.identifier).toBe(doc.identifier);
    expectCaseValid("cfpackage", pkg);
    const inDocument = { title: doc.title, identifier: doc.identifier, uri: document.uri };

    const item = pkg.CFItems.find((i: { CFItemType: string }) => i.CFItemType === "Activity");
    const found = await (await call(itemLoader, `CFItems/${item.identifier}`, { id: item.identifier })).json();
    expect(found).toEqual({ CFDocumentURI: inDocument, ...item });
    expectCaseValid("cfitem", found);
    const withAssociations = await (await call(itemAssociationsLoader, `CFItemAssociations/${item.identifier}`, { id: item.identifier })).json();
    expect(withAssociations.CFItem).toEqual(found);
    expect(withAssociations.CFAssociations.length).toBeGreaterThan(0);
    expectCaseValid("cfassociationset", withAssociations);

    for (const association of [pkg.CFAssociations[0], pkg.CFAssociations.find((a: { associationType: string }) => a.associationType === "hasSkillLevel")]) {
      const answer = await (await call(associationLoader, `CFAssociations/${association.identifier}`, { id: association.identifier })).json();
      expect(answer).toEqual({ CFDocumentURI: inDocument, ...association });
      expectCaseValid("cfassociation", answer);
    }
    const rubric = pkg.CFRubrics[0];
    const rubricAnswer = await (await call(rubricLoader, `CFRubrics/${rubric.identifier}`, { id: rubric.identifier })).json();
    expect(rubricAnswer).toEqual(rubric);
    expectCaseValid("cfrubric", rubricAnswer);
    const type = pkg.CFDefinitions.CFItemTypes[0];
    const types = await (await call(itemTypeLoader, `CFItemTypes/${type.identifier}`, { id: type.identifier })).json();
    expect(types).toEqual({ CFItemTypes: [type] });
    expectCaseValid("cfitemtypeset", types);
  });

  it("gives every object a uri that is its own lookup on this server (APP_URL, else localhost)", async () => {
    expect(appBaseUrl({})).toBe("http://localhost:3000");
    expect(appBaseUrl({ PORT: "3088" })).toBe("http://localhost:3088");
    expect(appBaseUrl({ APP_URL: " https://frac.example.gov.in/ ", PORT: "3088" })).toBe("https://frac.example.gov.in");
    const binding = `${appBaseUrl()}/ims/case/v1p1`;
    expect(binding).toMatch(/^http:\/\/localhost:\d+\/ims\/case\/v1p1$/u);
    const doc = await theDocument();
    const pkg = await (await call(packageLoader, `CFPackages/${doc.identifier}`, { id: doc.identifier })).json();
    expect(pkg.CFDocument.uri).toBe(`${binding}/CFDocuments/${doc.identifier}`);
    for (const item of pkg.CFItems) expect(item.uri).toBe(`${binding}/CFItems/${item.identifier}`);
    for (const a of pkg.CFAssociations) expect(a.uri).toBe(`${binding}/CFAssociations/${a.identifier}`);
    for (const r of pkg.CFRubrics) expect(r.uri).toBe(`${binding}/CFRubrics/${r.identifier}`);
    for (const t of pkg.CFDefinitions.CFItemTypes) expect(t.uri).toBe(`${binding}/CFItemTypes/${t.identifier}`);

    process.env.APP_URL = "https://frac.example.gov.in/";
    const moved = await theDocument();
    expect(moved.identifier).toBe(doc.identifier);
    expect((moved as unknown as { uri: string }).uri).toBe(`https://frac.example.gov.in/ims/case/v1p1/CFDocuments/${doc.identifier}`);
  });

  it("answers an unknown id with 404 unknownobject and a malformed one with 400 invalid_uuid, as imsx_StatusInfo", async () => {
    const unknown = crypto.randomUUID();
    for (const loader of LOOKUPS) {
      const missing = await call(loader, `X/${unknown}`, { id: unknown });
      expect(missing.status).toBe(404);
      expectStatusInfo(await missing.json(), "unknownobject");
      const malformed = await call(loader, "X/not-a-uuid", { id: "not-a-uuid" });
      expect(malformed.status).toBe(400);
      expectStatusInfo(await malformed.json(), "invalid_uuid");
    }
  });

  it("answers the lookups FRAC has no objects for (concepts, subjects, licences, groupings) with 404 unknownobject (400 for an id that is not a UUID), after the token check", async () => {
    const id = crypto.randomUUID();
    for (const loader of ABSENT) {
      const res = await call(loader, `X/${id}`, { id });
      expect(res.status).toBe(404);
      expectStatusInfo(await res.json(), "unknownobject");
      expect((await call(loader, "X/x", { id: "x" })).status).toBe(400);
      expect((await call(loader, `X/${id}`, { id }, null)).status).toBe(401);
    }
  });
});
