/**
 * The read API's rate limits (/api/v1 and /ims/case/v1p1), counted in memory with
 * rate-limiter-flexible: per token (docs/decisions/011-api-tokens-rate-limits-and-audit.md), and
 * per IP address for reads without a token (PUBLIC_READ, docs/decisions/009). One process serves
 * the app, so memory is exact; counts start again when the server restarts.
 *
 * Settings (app/config.server.ts; read on first use, and again whenever they change):
 *   API_RATE_LIMIT    requests each token may make per window (default 1200; 0 turns the limit off)
 *   API_RATE_WINDOW   the window in seconds (default 60)
 *   PUBLIC_READ_RATE  reads per minute an IP address may make without a token (default 120)
 */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { apiRateSetting, publicReadRate } from "~/config.server";

type Limiter = { key: string; limit: number; windowSeconds: number; memory: RateLimiterMemory | null };
let current: Limiter | undefined;

/** The limiter for the current settings; an unreadable setting throws, naming it. */
function limiter(): Limiter {
  const { limit, windowSeconds } = apiRateSetting();
  const key = `${limit}|${windowSeconds}`;
  if (current?.key === key) return current;
  current = { key, limit, windowSeconds, memory: limit === 0 ? null : new RateLimiterMemory({ points: limit, duration: windowSeconds }) };
  return current;
}

/** The API settings in force, e.g. for the admin page. */
export function apiRateSettings(): { limit: number; windowSeconds: number } {
  const { limit, windowSeconds } = limiter();
  return { limit, windowSeconds };
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number; limit: number; windowSeconds: number };

/** Counts one use of `key`; the whole seconds to wait when it is over the limit, else null. */
async function secondsToWait(memory: RateLimiterMemory, key: string): Promise<number | null> {
  try {
    await memory.consume(key);
    return null;
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
  }
}

/** Counts one request of this token; beyond the limit, how many seconds until it may try again. */
export async function takeApiRequest(tokenId: string): Promise<RateDecision> {
  const { memory, limit, windowSeconds } = limiter();
  if (!memory) return { ok: true };
  const wait = await secondsToWait(memory, tokenId);
  return wait === null ? { ok: true } : { ok: false, retryAfterSeconds: wait, limit, windowSeconds };
}

const publicLimiters = new Map<number, RateLimiterMemory>();

/** Counts one read by this address without a token; the seconds to wait when it is over its limit, else null. */
export function takePublicRead(ip: string): Promise<number | null> {
  const points = publicReadRate();
  let memory = publicLimiters.get(points);
  if (!memory) {
    memory = new RateLimiterMemory({ points, duration: 60, keyPrefix: `public-read-${points}` });
    publicLimiters.set(points, memory);
  }
  return secondsToWait(memory, ip);
}

/** Forgets every count (tests). */
export function resetApiRateLimits(): void {
  current = undefined;
}
