/**
 * Writes schemas/frac-document.schema.json from the zod schema (npm run schema:generate).
 * Run it after changing anything in schemas/ that a document can contain, and commit the result.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderFracDocumentJsonSchema } from "../schemas/json-schema";

const target = fileURLToPath(new URL("../schemas/frac-document.schema.json", import.meta.url));
writeFileSync(target, renderFracDocumentJsonSchema(), "utf8");
console.log(`Wrote ${target}`);
