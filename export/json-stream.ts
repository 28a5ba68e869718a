/**
 * JSON text in pieces, for documents too large to build as one string (docs/baselines.md: a CASE
 * package of 100k nodes is 363 MB). A value is written exactly as JSON.stringify(value, null,
 * space) would write it, except that a StreamedArray is expanded item by item instead of being
 * held in memory. `materialise` turns the same value into the plain object, so the object and
 * the stream come from one description and cannot drift apart.
 */

/** An array whose items are produced on demand; `items` may be called more than once. */
export class StreamedArray<T = unknown> {
  constructor(readonly items: () => Iterable<T>) {}
}

/** The value with every StreamedArray expanded into a real array. */
export function materialise(value: unknown): unknown {
  if (value instanceof StreamedArray) return Array.from(value.items(), materialise);
  if (Array.isArray(value)) return value.map(materialise);
  if (isPlainObject(value) && holdsStream(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = materialise(value[key]);
    return out;
  }
  return value;
}

/** The JSON text of `value` in pieces; their concatenation equals JSON.stringify(materialise(value), null, space). */
export function* jsonPieces(value: unknown, space = 0): Generator<string> {
  yield* write(value, 0, space);
}

/** Joins small pieces into chunks of at least `size` characters (the last one may be shorter). */
export function* batched(pieces: Iterable<string>, size = 64 * 1024): Generator<string> {
  let buffer = "";
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= size) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer !== "") yield buffer;
}

function* write(value: unknown, depth: number, space: number): Generator<string> {
  if (value instanceof StreamedArray) {
    yield* writeArray(value.items(), depth, space);
  } else if (isPlainObject(value) && holdsStream(value)) {
    yield* writeObject(value, depth, space);
  } else if (Array.isArray(value) && value.some((v) => v instanceof StreamedArray)) {
    yield* writeArray(value, depth, space);
  } else {
    yield stringify(value, depth, space);
  }
}

// Items that hold no stream are written in batches by one JSON.stringify call each: per item, the
// call and the re-indenting of its lines cost more than the text itself (docs/benchmarks.md, issue 18).
const BATCH_ITEMS = 256;

function* writeArray(items: Iterable<unknown>, depth: number, space: number): Generator<string> {
  const inner = newline(depth + 1, space);
  let first = true;
  let batch: unknown[] = [];
  const flush = function* () {
    if (batch.length === 0) return;
    yield `${first ? "[" : ","}${inner}${stringifyItems(batch, depth + 1, space)}`;
    first = false;
    batch = [];
  };
  for (const item of items) {
    // JSON.stringify writes undefined, functions and symbols in arrays as null.
    const value = isSkipped(item) ? null : item;
    if (!holdsAnyStream(value)) {
      batch.push(value);
      if (batch.length >= BATCH_ITEMS) yield* flush();
      continue;
    }
    yield* flush();
    yield first ? `[${inner}` : `,${inner}`;
    first = false;
    yield* write(value, depth + 1, space);
  }
  yield* flush();
  yield first ? "[]" : `${newline(depth, space)}]`;
}

/**
 * Array items as JSON.stringify writes them at `depth`, joined by commas, without the brackets.
 * The items are wrapped in `depth` one-item arrays so that JSON.stringify indents them itself;
 * the wrappers' brackets are then cut off both ends.
 */
function stringifyItems(items: unknown[], depth: number, space: number): string {
  let wrapped: unknown = items;
  for (let d = 1; d < depth; d++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, space);
  let head = 0;
  let tail = 0;
  for (let d = 1; d <= depth; d++) {
    head += 1 + newline(d, space).length; // "[" and the line break before the next level
    tail += newline(d - 1, space).length + 1; // the line break before a "]" and the "]"
  }
  return text.slice(head, text.length - tail);
}

function* writeObject(value: Record<string, unknown>, depth: number, space: number): Generator<string> {
  const inner = newline(depth + 1, space);
  const colon = space > 0 ? ": " : ":";
  let first = true;
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (isSkipped(item)) continue;
    yield `${first ? "{" : ","}${inner}${JSON.stringify(key)}${colon}`;
    first = false;
    yield* write(item, depth + 1, space);
  }
  yield first ? "{}" : `${newline(depth, space)}}`;
}

// A nested value written by JSON.stringify, its lines shifted to the depth it sits at. JSON text
// has no raw line breaks inside strings, so every "\n" is a line break between tokens.
function stringify(value: unknown, depth: number, space: number): string {
  const text = JSON.stringify(value, null, space);
  if (space === 0 || depth === 0 || !text.includes("\n")) return text;
  return text.replaceAll("\n", newline(depth, space));
}

function newline(depth: number, space: number): string {
  return space > 0 ? `\n${" ".repeat(depth * space)}` : "";
}

function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function holdsAnyStream(value: unknown): boolean {
  if (value instanceof StreamedArray) return true;
  if (Array.isArray(value)) return value.some((v) => v instanceof StreamedArray);
  return isPlainObject(value) && holdsStream(value);
}

// Only objects that hold a stream somewhere below are walked key by key; the rest go to JSON.stringify whole.
function holdsStream(value: Record<string, unknown>): boolean {
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item instanceof StreamedArray) return true;
    if (isPlainObject(item) && holdsStream(item)) return true;
    if (Array.isArray(item) && item.some((v) => v instanceof StreamedArray)) return true;
  }
  return false;
}
