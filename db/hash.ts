import crypto from "node:crypto";

/** The sha256 (hex) of text (UTF-8) or bytes: file fingerprints, ETags, token hashes. */
export function sha256Hex(body: string | Uint8Array): string {
  return crypto.createHash("sha256").update(body).digest("hex");
}
