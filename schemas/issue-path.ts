/**
 * Turns a zod issue path into the JSON path a person reads, e.g. `nodes[3].scale.levels[0].name`.
 */

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A readable JSON path such as `nodes[3].kind`; the empty path is the document itself, "(document)". */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") {
      out += `[${segment}]`;
    } else {
      const key = String(segment);
      if (PLAIN_KEY.test(key)) out += out === "" ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out === "" ? "(document)" : out;
}
