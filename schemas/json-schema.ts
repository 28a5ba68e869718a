import { z } from "zod";
import { fracDocumentStrictSchema, SCHEMA_VERSION } from "./frac-document";

/**
 * The published JSON Schema of the FRAC document, generated from the strict zod schema so
 * the two can never disagree. scripts/generate-json-schema.ts writes it to
 * schemas/frac-document.schema.json; a unit test fails when that file is stale.
 */

// An identifier, not a URL anyone fetches: validators match $id/$ref by string, so it must
// simply stay the same for every 1.x version of the format.
export const FRAC_DOCUMENT_SCHEMA_ID = "https://frac.studio/schemas/frac-document.schema.json";

/** The JSON Schema (draft 2020-12) describing a FRAC document as other systems must write it. */
export function buildFracDocumentJsonSchema(): Record<string, unknown> {
  // why io "input": it describes what a writer may send. Our z.object drops unknown keys
  // instead of rejecting them, and "input" leaves additionalProperties open to match.
  const generated = z.toJSONSchema(fracDocumentStrictSchema, { target: "draft-2020-12", io: "input" });
  const { $schema, ...rest } = generated as Record<string, unknown>;
  return {
    $schema,
    $id: FRAC_DOCUMENT_SCHEMA_ID,
    title: `FRAC document ${SCHEMA_VERSION}`,
    ...rest,
    description:
      "A Framework of Roles, Activities and Competencies (FRAC, Mission Karmayogi) of one ministry, " +
      "department or organisation: positions → roles → activities → competencies with required " +
      "proficiency levels, plus knowledge resources. Written by FRAC Studio exports and read by its " +
      "imports. Readers must ignore properties they do not know; 1.x versions only add optional ones. " +
      "Not expressible here but enforced on import: proficiency levels are numbered 1..n in order, " +
      "every link's ends exist and fit its kind, and levels on links lie in the competency's scale.",
  };
}

/** The schema file's exact text: 2-space indentation and a trailing newline. */
export function renderFracDocumentJsonSchema(): string {
  return `${JSON.stringify(buildFracDocumentJsonSchema(), null, 2)}\n`;
}
