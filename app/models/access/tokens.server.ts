/**
 * Read-only API tokens for other systems: shown once when created, stored only as a sha256
 * hash, revocable, optionally expiring and optionally scoped to one ministry, with the time
 * each was last used. Creating and revoking one is audited.
 */
import { sha256Hex } from "@db/hash";
import crypto from "node:crypto";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@db/client";
import { apiTokens, mdos } from "@db/schema";
import { refusalText, type RefusalKey, type RefusalParams } from "~/i18n/refusal-text";
import { refusalFields } from "../refusal.server";
import { audit } from "../audit/write.server";
import { preparedPerClient } from "@db/prepared";

/** Every token starts with this, so leaked tokens are easy to recognise (e.g. by secret scanners). */
export const TOKEN_PREFIX = "frac_";
// Recording every use would write on every read; once a minute is enough to tell if a token is alive.
const LAST_USED_RESOLUTION_MS = 60_000;

export type TokenRow = typeof apiTokens.$inferSelect;
export type TokenSummary = Omit<TokenRow, "tokenHash">;
/** A token as the admin page lists it: with the code of the ministry it is scoped to. */
export type TokenListing = TokenSummary & { mdoCode: string | null };

const hashToken = (raw: string) => sha256Hex(raw);

const IST_OFFSET = "+05:30";
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/u;

/**
 * The instant a token given an expiry date stops working: the end of that day in India (IST).
 * A malformed or impossible date, or a day already over, is refused with a message.
 */
export function expiryOf(date: string, now = new Date()): { ok: true; expiresAt: string } | { ok: false; message: string; code: RefusalKey; params?: RefusalParams } {
  const text = date.trim();
  const m = DATE_ONLY.exec(text);
  const start = m ? new Date(`${text}T00:00:00.000${IST_OFFSET}`) : null;
  // why the round trip: Date accepts 2026-02-30 and rolls it over to March.
  const real = start && !Number.isNaN(start.getTime()) && new Date(start.getTime() + 5.5 * 3_600_000).toISOString().slice(0, 10) === text;
  if (!real) return { ok: false, ...refusalFields(refusalText("token.notADate", { text })) };
  const end = new Date(`${text}T23:59:59.999${IST_OFFSET}`);
  if (end.getTime() <= now.getTime()) return { ok: false, ...refusalFields(refusalText("token.expiryPassed", { text })) };
  return { ok: true, expiresAt: end.toISOString() };
}

export type CreateTokenInput = {
  name: string;
  createdBy: string | null;
  /** ISO instant (see expiryOf); null or absent: the token does not expire. */
  expiresAt?: string | null;
  /** The ministry the token may read; null or absent: every published framework. */
  mdoId?: string | null;
};

export type CreateTokenResult = { ok: true; id: string; name: string; token: string } | { ok: false; message: string; code: RefusalKey; params?: RefusalParams };

/** Creates a token (audited); returns the token text, which is never stored and cannot be shown again. */
export function createToken({ name, createdBy, expiresAt = null, mdoId = null }: CreateTokenInput): CreateTokenResult {
  const trimmed = name.trim();
  if (!trimmed) return { ok: false, ...refusalFields(refusalText("token.nameNeeded")) };
  const db = getDb();
  return db.transaction((tx) => {
    if (tx.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.name, trimmed)).get()) {
      return { ok: false as const, ...refusalFields(refusalText("token.nameTaken", { name: trimmed })) };
    }
    const token = TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
    const id = crypto.randomUUID();
    tx.insert(apiTokens).values({ id, name: trimmed, tokenHash: hashToken(token), createdBy, expiresAt, mdoId }).run();
    audit(tx, { userId: createdBy, mdoId, entity: "token", entityId: id, action: "create", after: { name: trimmed, expiresAt, scope: mdoId ? "ministry" : "all" } });
    return { ok: true as const, id, name: trimmed, token };
  });
}

/** Revokes the live token with this name (audited); false when there is no such token or it was already revoked. */
export function revokeToken({ name, actorId = null }: { name: string; actorId?: string | null }): boolean {
  return getDb().transaction((tx) => {
    const revoked = tx
      .update(apiTokens)
      .set({ revokedAt: new Date().toISOString() })
      .where(and(eq(apiTokens.name, name.trim()), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, name: apiTokens.name, mdoId: apiTokens.mdoId })
      .all();
    for (const t of revoked) audit(tx, { userId: actorId, mdoId: t.mdoId, entity: "token", entityId: t.id, action: "revoke", before: { name: t.name } });
    return revoked.length > 0;
  });
}

/** Every token (revoked ones too), by name, without the hash. */
export function listTokens(): TokenListing[] {
  return getDb()
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      createdBy: apiTokens.createdBy,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      expiresAt: apiTokens.expiresAt,
      mdoId: apiTokens.mdoId,
      mdoCode: mdos.code,
    })
    .from(apiTokens)
    .leftJoin(mdos, eq(mdos.id, apiTokens.mdoId))
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

export type TokenCheck = { ok: true; token: TokenSummary } | { ok: false; reason: "unknown" | "revoked" | "expired"; tokenId: string | null };

/** Checks a token's text: the live token (its use recorded at most once a minute), or why it is refused. */
export function checkTokenText(raw: string, now = new Date()): TokenCheck {
  if (!raw.startsWith(TOKEN_PREFIX) || raw.length > 200) return { ok: false, reason: "unknown", tokenId: null };
  const row = tokenByHash().get({ hash: hashToken(raw) });
  if (!row) return { ok: false, reason: "unknown", tokenId: null };
  if (row.revokedAt) return { ok: false, reason: "revoked", tokenId: row.id };
  if (row.expiresAt && Date.parse(row.expiresAt) <= now.getTime()) return { ok: false, reason: "expired", tokenId: row.id };
  if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) >= LAST_USED_RESOLUTION_MS) {
    row.lastUsedAt = now.toISOString();
    getDb().update(apiTokens).set({ lastUsedAt: row.lastUsedAt }).where(eq(apiTokens.id, row.id)).run();
  }
  const { tokenHash: _hash, ...token } = row;
  return { ok: true, token };
}

/** The live token with this text, or null (unknown, revoked or expired); records its use at most once a minute. */
export function verifyToken(raw: string): TokenSummary | null {
  const result = checkTokenText(raw);
  return result.ok ? result.token : null;
}
