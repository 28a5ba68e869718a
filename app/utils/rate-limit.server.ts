/**
 * Per-IP limits for reads without a token (PUBLIC_READ), with rate-limiter-flexible's in-memory
 * limiter: one process serves the app, so memory is where the counts belong (a cluster would
 * swap in its Redis limiter). Token holders are not counted here.
 */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

const DEFAULT_PER_MINUTE = 120;
const limiters = new Map<number, RateLimiterMemory>();

/** Reads per minute an IP address may make without a token: PUBLIC_READ_RATE, else 120. */
export function publicReadRate(env: Record<string, string | undefined> = process.env): number {
  const raw = env.PUBLIC_READ_RATE?.trim();
  const n = raw ? Number(raw) : NaN;
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_PER_MINUTE;
}

/** Counts one read by this address; the seconds to wait when it is over its limit, else null. */
export async function takePublicRead(ip: string): Promise<number | null> {
  const points = publicReadRate();
  let limiter = limiters.get(points);
  if (!limiter) {
    limiter = new RateLimiterMemory({ points, duration: 60, keyPrefix: `public-read-${points}` });
    limiters.set(points, limiter);
  }
  try {
    await limiter.consume(ip);
    return null;
  } catch (e) {
    if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    throw e;
  }
}
