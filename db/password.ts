/** Password hashing: argon2id with the library's defaults (memory-hard, OWASP's first choice). */
import { hash, verify } from "@node-rs/argon2";

/** Hashes a password for storage. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** True when the password matches the stored hash; false for a malformed hash too. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
