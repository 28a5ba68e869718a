/**
 * FracDocument → JSON text: keys in the order the schema declares its fields, 2-space indent,
 * a trailing newline. The same document always gives the same bytes, whatever order its
 * keys were assembled in; keys the schema does not know are dropped, as a parse would drop them.
 */
import type { z } from "zod";
import { fracDocumentSchema, type FracDocument } from "@schemas/frac-document";
import { batched, jsonPieces, StreamedArray } from "./json-stream";

/** The document with every object's keys in schema order and unknown or undefined keys left out; objects already so are kept, not copied. */
export function canonicalDocument(doc: FracDocument): FracDocument {
  // why the cast: the walk keeps the document's shape and only reorders or drops keys.
  return inSchemaOrder(doc, fracDocumentSchema) as FracDocument;
}

/** The document as deterministic JSON text (schema key order, 2-space indent, trailing newline). */
export function toJsonText(doc: FracDocument): string {
  return `${JSON.stringify(canonicalDocument(doc), null, 2)}\n`;
}

/** The same bytes as toJsonText, in chunks of at least 64 KB, nodes and links written in batches. */
export function* jsonChunks(doc: FracDocument): Generator<string> {
  const shape = documentShape();
  const top: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) {
    const value = doc[key as keyof FracDocument];
    if (value === undefined) continue;
    if (key === "nodes" || key === "links") {
      const element = elementOf(shape[key]);
      top[key] = new StreamedArray(() => mapLazily(value as unknown[], (item) => inSchemaOrder(item, element)));
    } else {
      top[key] = inSchemaOrder(value, shape[key]);
    }
  }
  yield* batched(withNewline(jsonPieces(top, 2)));
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  values?: unknown[];
};

const defOf = (schema: z.ZodType): Def => schema._zod.def as unknown as Def;

function documentShape(): Record<string, z.ZodType> {
  return defOf(fracDocumentSchema).shape!;
}

function elementOf(schema: z.ZodType): z.ZodType {
  return defOf(schema).element!;
}

// Union members by discriminator value, per union schema: looked up once per node, not scanned.
const unionCache = new WeakMap<z.ZodType, Map<unknown, z.ZodType>>();

function inSchemaOrder(value: unknown, schema: z.ZodType): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "readonly":
    case "nonoptional":
      return value === null || value === undefined ? value : inSchemaOrder(value, def.innerType!);
    case "object": {
      if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
      const source = value as Record<string, unknown>;
      if (inOrderAlready(source, def.shape!)) return source;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(def.shape!)) {
        if (source[key] !== undefined) out[key] = inSchemaOrder(source[key], def.shape![key]);
      }
      return out;
    }
    case "array": {
      if (!Array.isArray(value)) return value;
      // The same array when every item is already in order (the common case: documents the app builds).
      let changed: unknown[] | null = null;
      for (let i = 0; i < value.length; i++) {
        const item = inSchemaOrder(value[i], def.element!);
        if (changed === null && item !== value[i]) changed = value.slice(0, i);
        changed?.push(item);
      }
      return changed ?? value;
    }
    case "union": {
      const member = def.discriminator ? unionMember(schema, def, value) : undefined;
      return member ? inSchemaOrder(value, member) : value;
    }
    default:
      return value;
  }
}

// Key positions per object shape, so checking an object's key order is one look-up per key.
const keyPositions = new WeakMap<Record<string, z.ZodType>, Map<string, number>>();

/**
 * Whether the object needs no rewriting: its keys are schema keys in schema order, none holds
 * undefined, and every value is in order itself. Documents the app builds pass without a copy.
 */
function inOrderAlready(source: Record<string, unknown>, shape: Record<string, z.ZodType>): boolean {
  let positions = keyPositions.get(shape);
  if (!positions) {
    positions = new Map(Object.keys(shape).map((key, i) => [key, i]));
    keyPositions.set(shape, positions);
  }
  let next = 0;
  for (const key of Object.keys(source)) {
    const position = positions.get(key);
    const item = source[key];
    if (position === undefined || position < next || item === undefined) return false;
    next = position + 1;
    if (typeof item === "object" && item !== null && inSchemaOrder(item, shape[key]) !== item) return false;
  }
  return true;
}

function unionMember(schema: z.ZodType, def: Def, value: unknown): z.ZodType | undefined {
  if (value === null || typeof value !== "object") return undefined;
  let members = unionCache.get(schema);
  if (!members) {
    members = new Map();
    for (const option of def.options ?? []) {
      const tag = defOf(option).shape?.[def.discriminator!];
      for (const literal of tag ? (defOf(tag).values ?? []) : []) members.set(literal, option);
    }
    unionCache.set(schema, members);
  }
  return members.get((value as Record<string, unknown>)[def.discriminator!]);
}

function* mapLazily<T, U>(items: readonly T[], map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

function* withNewline(pieces: Iterable<string>): Generator<string> {
  yield* pieces;
  yield "\n";
}
