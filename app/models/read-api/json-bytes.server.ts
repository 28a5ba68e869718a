/** JSON bodies as bytes with their sha256, made once per object (the read responses and the static copy share them). */
import { sha256Hex } from "@db/hash";

// why: the CASE objects of a published snapshot are kept (app/models/read-api/case-binding.server.ts), so their
// JSON text is made once per object too, not on every request.
const serialized = new WeakMap<object, { bytes: Uint8Array<ArrayBuffer>; sha256: string }>();

/** The JSON text of a body as bytes with its sha256; the same object gives the same (kept) bytes. */
export function jsonBytes(body: object): { bytes: Uint8Array<ArrayBuffer>; sha256: string } {
  const hit = serialized.get(body);
  if (hit) return hit;
  const buffer = Buffer.from(JSON.stringify(body), "utf8");
  const entry = { bytes: new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.length), sha256: "" };
  entry.sha256 = sha256Hex(entry.bytes);
  serialized.set(body, entry);
  return entry;
}
