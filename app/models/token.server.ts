/**
 * Read-only API tokens for other systems: shown once when created, stored only as a sha256
 * hash, revocable, with the time each was last used.
 */
import { sha256Hex } from "@db/hash";
import crypto from "node:crypto";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@db/client";
import { apiTokens } from "@db/schema";
import { preparedPerClient } from "./prepared.server";

/** Every token starts with this, so leaked tokens are easy to recognise (e.g. by secret scanners). */
export const TOKEN_PREFIX = "frac_";
// Recording every use would write on every read; once a minute is enough to tell if a token is alive.
const LAST_USED_RESOLUTION_MS = 60_000;

export type TokenRow = typeof apiTokens.$inferSelect;
export type TokenSummary = Omit<TokenRow, "tokenHash">;

const hashToken = (raw: string) => sha256Hex(raw);

export type CreateTokenResult = { ok: true; name: string; token: string } | { ok: false; message: string };

/** Creates a token; returns the token text, which is never stored and cannot be shown again. */
export function createToken({ name, createdBy }: { name: string; createdBy: string | null }): CreateTokenResult {
  const trimmed = name.trim();
  if (!trimmed) return { ok: false, message: "Give the token a name." };
  const db = getDb();
  if (db.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.name, trimmed)).get()) {
    return { ok: false, message: `A token named "${trimmed}" already exists; choose another name or revoke it first.` };
  }
  const token = TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
  db.insert(apiTokens).values({ id: crypto.randomUUID(), name: trimmed, tokenHash: hashToken(token), createdBy }).run();
  return { ok: true, name: trimmed, token };
}

/** Revokes the live token with this name; false when there is no such token or it was already revoked. */
export function revokeToken({ name }: { name: string }): boolean {
  const result = getDb()
    .update(apiTokens)
    .set({ revokedAt: new Date().toISOString() })
    .where(and(eq(apiTokens.name, name.trim()), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id })
    .all();
  return result.length > 0;
}

/** Every token (revoked ones too), by name, without the hash. */
export function listTokens(): TokenSummary[] {
  return getDb()
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      createdBy: apiTokens.createdBy,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .orderBy(asc(apiTokens.name))
    .all();
}

const tokenByHash = preparedPerClient((db) =>
  db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, sql.placeholder("hash")))
    .prepare(),
);

/** The live token with this text, or null (unknown or revoked); records its use at most once a minute. */
export function verifyToken(raw: string): TokenSummary | null {
  if (!raw.startsWith(TOKEN_PREFIX) || raw.length > 200) return null;
  const row = tokenByHash().get({ hash: hashToken(raw) });
  if (!row || row.revokedAt) return null;
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) >= LAST_USED_RESOLUTION_MS) {
    row.lastUsedAt = now.toISOString();
    getDb().update(apiTokens).set({ lastUsedAt: row.lastUsedAt }).where(eq(apiTokens.id, row.id)).run();
  }
  return { id: row.id, name: row.name, createdBy: row.createdBy, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt, revokedAt: row.revokedAt };
}
