import fs from "node:fs";
import Ajv2019, { type ValidateFunction } from "ajv/dist/2019";
import { expect } from "vitest";

// ajv-formats is not installed: the three formats the CASE schemas use are checked by these
// patterns (RFC 4122 UUIDs, RFC 3339 dates and date-times) instead of being skipped.
const ajv = new Ajv2019({ allErrors: true, strict: true });
ajv.addFormat("uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/u);
ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/u);

const compiled = new Map<string, ValidateFunction>();

/** The official CASE 1.1 schemas copied in schemas/case/, by the name in their file name. */
export type CaseSchema = "cfpackage" | "cfdocument" | "cfdocumentset" | "cfitem" | "cfassociation" | "cfassociationset" | "cfitemtypeset" | "cfrubric" | "imsx_statusinfo";

/** Expects the value to validate against that official CASE 1.1 schema, formats included. */
export function expectCaseValid(schema: CaseSchema, value: unknown): void {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(JSON.parse(fs.readFileSync(`schemas/case/case_v1p1_${schema}-jsonschema1.json`, "utf8")) as object);
    compiled.set(schema, validate);
  }
  validate(value);
  expect(validate.errors ?? [], `${schema}: ${JSON.stringify(validate.errors?.slice(0, 3), null, 2)}`).toEqual([]);
}
