/**
 * Bytes → an outside competency framework: reads a CASE CFPackage (the 1.1 shape, and the 1.0
 * shape that OpenSALT and other tools still export) into a source and its entries in hierarchy
 * order. Pure: it never touches the database. Identifiers and text are kept exactly as given
 * (no trimming, no Unicode normalisation), so a re-import compares like with like.
 */
import { z } from "zod";
import { ImportError } from "./findings";

/** Limits of what one package may hold; a larger one is refused before anything is written. */
export const CASE_LIMITS = {
  ITEMS_MAX: 20_000,
  ASSOCIATIONS_MAX: 200_000,
  IDENTIFIER_MAX: 256,
  STATEMENT_MAX: 20_000,
  FIELD_MAX: 2_000,
} as const;

export type CaseSourceRecord = {
  id: string;
  title: string;
  creator: string;
  description: string;
  uri: string | null;
  version: string | null;
  caseVersion: string | null;
  lastChangeDateTime: string | null;
};

export type CaseEntryRecord = {
  id: string;
  parentId: string | null;
  fullStatement: string;
  abbreviatedStatement: string | null;
  humanCodingScheme: string | null;
  itemType: string | null;
  language: string | null;
  notes: string | null;
  uri: string | null;
  lastChangeDateTime: string | null;
  sortOrder: number;
};

export type CasePackageRead = { source: CaseSourceRecord; entries: CaseEntryRecord[] };

const optionalText = z.string().nullish();
const nodeRef = z.looseObject({ identifier: z.string() });

const documentSchema = z.looseObject({
  identifier: z.string(),
  title: z.string(),
  creator: optionalText,
  description: optionalText,
  uri: optionalText,
  version: optionalText,
  caseVersion: optionalText,
  lastChangeDateTime: optionalText,
});

const itemSchema = z.looseObject({
  identifier: z.string(),
  fullStatement: z.string(),
  abbreviatedStatement: optionalText,
  humanCodingScheme: optionalText,
  CFItemType: optionalText,
  language: optionalText,
  notes: optionalText,
  uri: optionalText,
  lastChangeDateTime: optionalText,
});

const associationSchema = z.looseObject({
  identifier: z.string(),
  associationType: z.string(),
  originNodeURI: nodeRef,
  destinationNodeURI: nodeRef,
  // why a string too: OpenSALT's older exports write "sequenceNumber": "3".
  sequenceNumber: z.union([z.number(), z.string()]).nullish(),
});

const packageSchema = z.looseObject({
  CFDocument: documentSchema,
  CFItems: z.array(z.unknown()).nullish(),
  CFAssociations: z.array(z.unknown()).nullish(),
});

const fail = (message: string): never => {
  throw new ImportError("invalid_case_package", message);
};

function decode(bytes: Uint8Array): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
  } catch {
    return fail("This file is not UTF-8 text, so it cannot be a CASE package (CASE JSON is UTF-8).");
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === "") fail("The file is empty: a CASE package is a JSON object with CFDocument, CFItems and CFAssociations.");
  try {
    return JSON.parse(text);
  } catch (e) {
    return fail(`This file is not JSON (${e instanceof Error ? e.message : String(e)}); a CASE package is a JSON object with CFDocument, CFItems and CFAssociations.`);
  }
}

function describeIssues(where: string, error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((i) => {
    const path = [where, ...i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))].join("").replace(/^\./u, "");
    return `${path}: ${i.message}`;
  });
  return issues.join("; ");
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const r = schema.safeParse(value);
  if (!r.success) fail(`This is not a CASE package of the expected shape: ${describeIssues(where, r.error)}.`);
  return (r as { data: T }).data;
}

// why the u flag: a valid pair is read as one code point above U+FFFF, so only a lone half matches.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

// why: JSON may carry a lone surrogate ("\ud800"), which SQLite's UTF-8 cannot hold byte for byte.
function checkText(value: string | null | undefined, where: string, max: number): void {
  if (value === null || value === undefined) return;
  if (LONE_SURROGATE.test(value)) fail(`${where} is not valid Unicode text (it holds a lone surrogate), so it cannot be kept exactly as given.`);
  if (value.length > max) fail(`${where} is ${value.length.toLocaleString("en-IN")} characters long; at most ${max.toLocaleString("en-IN")} are accepted.`);
}

function checkIdentifier(id: string, where: string): void {
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (id === "" || id.trim() !== id || /[\u0000-\u001f\u007f/?#]/u.test(id)) {
    fail(`${where} has the identifier "${id}", which is empty, has spaces at an end, or holds a control character, "/", "?" or "#".`);
  }
  checkText(id, `${where}'s identifier`, CASE_LIMITS.IDENTIFIER_MAX);
}

type Parent = { id: string; sequence: number; order: number };

/** The parent of every item: its isChildOf association with the lowest sequenceNumber (first given on a tie); absent or pointing outside the package means the top. */
function parentsOf(associations: z.infer<typeof associationSchema>[], itemIds: Set<string>) {
  const parents = new Map<string, Parent>();
  associations.forEach((a, order) => {
    if (a.associationType !== "isChildOf") return;
    const child = a.originNodeURI.identifier;
    const parent = a.destinationNodeURI.identifier;
    if (!itemIds.has(child)) return;
    if (child === parent) fail(`The item ${child} is its own parent (association ${a.identifier}).`);
    const n = typeof a.sequenceNumber === "string" && a.sequenceNumber.trim() !== "" ? Number(a.sequenceNumber) : a.sequenceNumber;
    const sequence = typeof n === "number" && Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
    const held = parents.get(child);
    if (!held || sequence < held.sequence) parents.set(child, { id: itemIds.has(parent) ? parent : "", sequence, order });
  });
  return parents;
}

function refuseCycles(parentOf: Map<string, string | null>): void {
  const done = new Set<string>();
  for (const start of parentOf.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let at: string | null = start;
    while (at && !done.has(at)) {
      if (onPath.has(at)) {
        const cycle = path.slice(path.indexOf(at)).concat(at);
        fail(`The items' isChildOf associations form a cycle: ${cycle.slice(0, 6).join(" → ")}${cycle.length > 6 ? " → …" : ""}. A hierarchy needs a top.`);
      }
      onPath.add(at);
      path.push(at);
      at = parentOf.get(at) ?? null;
    }
    for (const id of path) done.add(id);
  }
}

/** Reads a CASE CFPackage's bytes into the source and its entries, parents before children; throws an ImportError naming the problem. */
export function readCasePackage(bytes: Uint8Array): CasePackageRead {
  const json = parseJson(decode(bytes));
  if (json === null || typeof json !== "object" || Array.isArray(json)) fail("This JSON is not a CASE package: it should be an object with CFDocument, CFItems and CFAssociations.");
  const pkg = parseWith(packageSchema, json, "");
  const rawItems = pkg.CFItems ?? [];
  const rawAssociations = pkg.CFAssociations ?? [];
  if (rawItems.length > CASE_LIMITS.ITEMS_MAX) fail(`The package has ${rawItems.length.toLocaleString("en-IN")} CFItems; at most ${CASE_LIMITS.ITEMS_MAX.toLocaleString("en-IN")} can be imported as one source.`);
  if (rawAssociations.length > CASE_LIMITS.ASSOCIATIONS_MAX) fail(`The package has ${rawAssociations.length.toLocaleString("en-IN")} CFAssociations; at most ${CASE_LIMITS.ASSOCIATIONS_MAX.toLocaleString("en-IN")} are accepted.`);
  const doc = pkg.CFDocument;
  checkIdentifier(doc.identifier, "The CFDocument");
  if (doc.title.trim() === "") fail("The CFDocument has no title.");
  checkText(doc.title, "The CFDocument's title", CASE_LIMITS.FIELD_MAX);
  checkText(doc.description, "The CFDocument's description", CASE_LIMITS.STATEMENT_MAX);
  for (const f of ["creator", "uri", "version", "caseVersion", "lastChangeDateTime"] as const) checkText(doc[f], `The CFDocument's ${f}`, CASE_LIMITS.FIELD_MAX);

  const items = rawItems.map((raw, i) => parseWith(itemSchema, raw, `CFItems[${i}]`));
  const associations = rawAssociations.map((raw, i) => parseWith(associationSchema, raw, `CFAssociations[${i}]`));
  const seen = new Set<string>([doc.identifier]);
  items.forEach((item, i) => {
    const where = `CFItems[${i}]`;
    checkIdentifier(item.identifier, where);
    if (seen.has(item.identifier)) fail(`The identifier ${item.identifier} is used twice (${where} and an earlier item or the CFDocument); identifiers must be unique.`);
    seen.add(item.identifier);
    checkText(item.fullStatement, `${where}.fullStatement`, CASE_LIMITS.STATEMENT_MAX);
    if (item.fullStatement.trim() === "") fail(`${where} (${item.identifier}) has an empty fullStatement.`);
    checkText(item.notes, `${where}.notes`, CASE_LIMITS.STATEMENT_MAX);
    for (const f of ["abbreviatedStatement", "humanCodingScheme", "CFItemType", "language", "uri", "lastChangeDateTime"] as const) checkText(item[f], `${where}.${f}`, CASE_LIMITS.FIELD_MAX);
  });
  associations.forEach((a, i) => checkText(a.identifier, `CFAssociations[${i}]'s identifier`, CASE_LIMITS.IDENTIFIER_MAX));

  const itemIds = new Set(items.map((i) => i.identifier));
  const parents = parentsOf(associations, itemIds);
  const parentOf = new Map(items.map((i) => [i.identifier, parents.get(i.identifier)?.id || null] as const));
  refuseCycles(parentOf);

  // Hierarchy order: parents before children, siblings by sequenceNumber, then as the package lists them.
  const position = new Map(items.map((item, i) => [item.identifier, i] as const));
  const children = new Map<string | null, string[]>();
  for (const item of items) {
    const p = parentOf.get(item.identifier) ?? null;
    children.set(p, [...(children.get(p) ?? []), item.identifier]);
  }
  const rank = (id: string) => [parents.get(id)?.sequence ?? Number.MAX_SAFE_INTEGER, position.get(id) ?? 0] as const;
  for (const list of children.values()) list.sort((a, b) => rank(a)[0] - rank(b)[0] || rank(a)[1] - rank(b)[1]);
  const order: string[] = [];
  const stack = [...(children.get(null) ?? [])].reverse();
  while (stack.length) {
    const id = stack.pop() as string;
    order.push(id);
    stack.push(...[...(children.get(id) ?? [])].reverse());
  }
  const byId = new Map(items.map((i) => [i.identifier, i] as const));
  const entries = order.map((id, sortOrder): CaseEntryRecord => {
    const item = byId.get(id) as z.infer<typeof itemSchema>;
    return {
      id,
      parentId: parentOf.get(id) ?? null,
      fullStatement: item.fullStatement,
      abbreviatedStatement: item.abbreviatedStatement ?? null,
      humanCodingScheme: item.humanCodingScheme ?? null,
      itemType: item.CFItemType ?? null,
      language: item.language ?? null,
      notes: item.notes ?? null,
      uri: item.uri ?? null,
      lastChangeDateTime: item.lastChangeDateTime ?? null,
      sortOrder,
    };
  });
  return {
    source: {
      id: doc.identifier,
      title: doc.title,
      creator: doc.creator ?? "",
      description: doc.description ?? "",
      uri: doc.uri ?? null,
      version: doc.version ?? null,
      caseVersion: doc.caseVersion ?? null,
      lastChangeDateTime: doc.lastChangeDateTime ?? null,
    },
    entries,
  };
}
