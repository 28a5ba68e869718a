// The CASE 1.1 REST binding (/ims/case/v1p1) on the seeded database: CBIC's version 1 is the
// only published framework, so it is the one CFDocument.
import fs from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import Ajv2019 from "ajv/dist/2019";
import { describe, expect, it } from "vitest";
import { createToken } from "~/models/token.server";
import { loader as associationLoader } from "~/routes/ims.case.v1p1.CFAssociations.$id";
import { loader as documentLoader } from "~/routes/ims.case.v1p1.CFDocuments.$id";
import { loader as documentsLoader } from "~/routes/ims.case.v1p1.CFDocuments._index";
import { loader as itemAssociationsLoader } from "~/routes/ims.case.v1p1.CFItemAssociations.$id";
import { loader as itemLoader } from "~/routes/ims.case.v1p1.CFItems.$id";
import { loader as itemTypeLoader } from "~/routes/ims.case.v1p1.CFItemTypes.$id";
import { loader as packageLoader } from "~/routes/ims.case.v1p1.CFPackages.$id";
import { loader as rubricLoader } from "~/routes/ims.case.v1p1.CFRubrics.$id";

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
  expect(body).toEqual({
    imsx_codeMajor: "failure",
    imsx_severity: "error",
    imsx_description: expect.any(String),
    imsx_codeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: "sourcedId", imsx_codeMinorFieldValue: codeMinor }] },
  });
}

describe("CASE 1.1 REST binding", () => {
  it("lists one CFDocument per published framework with X-Total-Count, paged", async () => {
    const res = await call(documentsLoader, "CFDocuments");
    expect(res.status).toBe(200);
    expect(res.headers.get("X-Total-Count")).toBe("1");
    const { CFDocuments } = await res.json();
    expect(CFDocuments).toHaveLength(1);
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
    expectStatusInfo(await none.json(), "unauthorisedrequest");
    expect((await call(itemLoader, "CFItems/x", { id: crypto.randomUUID() }, "frac_wrong")).status).toBe(401);
  });

  it("looks up the document, its package, an item with its associations, an association, a rubric and an item type", async () => {
    const doc = await theDocument();
    const document = await (await call(documentLoader, `CFDocuments/${doc.identifier}`, { id: doc.identifier })).json();
    expect(document).toMatchObject({ identifier: doc.identifier, CFPackageURI: { identifier: doc.identifier } });
    const pkg = await (await call(packageLoader, `CFPackages/${doc.identifier}`, { id: doc.identifier })).json();
    expect(pkg.CFDocument.identifier).toBe(doc.identifier);
    const schema: object = JSON.parse(fs.readFileSync("schemas/case/case_v1p1_cfpackage-jsonschema1.json", "utf8"));
    // ajv-formats is not installed; formats are checked by the exporter's unit tests.
    const validate = new Ajv2019({ allErrors: true, validateFormats: false }).compile(schema);
    expect(validate(pkg), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);

    const item = pkg.CFItems.find((i: { CFItemType: string }) => i.CFItemType === "Activity");
    expect(await (await call(itemLoader, `CFItems/${item.identifier}`, { id: item.identifier })).json()).toEqual(item);
    const withAssociations = await (await call(itemAssociationsLoader, `CFItemAssociations/${item.identifier}`, { id: item.identifier })).json();
    expect(withAssociations.CFItem).toEqual(item);
    expect(withAssociations.CFAssociations.length).toBeGreaterThan(0);

    const association = pkg.CFAssociations[0];
    expect(await (await call(associationLoader, `CFAssociations/${association.identifier}`, { id: association.identifier })).json()).toEqual(association);
    const rubric = pkg.CFRubrics[0];
    expect(await (await call(rubricLoader, `CFRubrics/${rubric.identifier}`, { id: rubric.identifier })).json()).toEqual(rubric);
    const type = pkg.CFDefinitions.CFItemTypes[0];
    expect(await (await call(itemTypeLoader, `CFItemTypes/${type.identifier}`, { id: type.identifier })).json()).toEqual({ CFItemTypes: [type] });
  });

  it("answers an unknown id with 404 and a malformed one with 400, as imsx_StatusInfo", async () => {
    const unknown = crypto.randomUUID();
    for (const loader of [documentLoader, packageLoader, itemLoader, associationLoader, itemAssociationsLoader, rubricLoader, itemTypeLoader]) {
      const missing = await call(loader, `X/${unknown}`, { id: unknown });
      expect(missing.status).toBe(404);
      expectStatusInfo(await missing.json(), "unknownobject");
      const malformed = await call(loader, "X/not-a-uuid", { id: "not-a-uuid" });
      expect(malformed.status).toBe(400);
      expectStatusInfo(await malformed.json(), "invalid_uuid");
    }
  });
});
