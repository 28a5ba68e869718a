/**
 * Refused accesses in the audit log: a signed-in user sent a 404 for another ministry's data or
 * a 403, and an API client refused with 401, 404 (outside its token's ministry) or 429.
 * A flood of refusals must not flood the log, so each caller (user, token, or anonymous) gets at
 * most REFUSALS_PER_MINUTE rows a minute; the rest are counted only by the limiter.
 */
import { RateLimiterMemory } from "rate-limiter-flexible";
import { getDb } from "@db/client";
import { audit } from "./write.server";

export const REFUSALS_PER_MINUTE = 30;
let throttle = new RateLimiterMemory({ points: REFUSALS_PER_MINUTE, duration: 60 });

export type Refusal = {
  status: number;
  /** The signed-in user, or null for API clients and anonymous callers. */
  userId: string | null;
  /** The ministry whose data was asked for, when known. */
  mdoId?: string | null;
  /** The API token used, when it is known (revoked, expired, out of scope, over its limit). */
  tokenId?: string | null;
  /** Short reason, e.g. "not a member", "expired token", "rate limit". */
  reason: string;
  request: Request;
};

/** Writes one "access refused" audit row (entity access, the token or null as its id), unless this caller is over its share. */
export async function recordRefusal({ status, userId, mdoId = null, tokenId = null, reason, request }: Refusal): Promise<void> {
  const caller = userId ?? (tokenId ? `token:${tokenId}` : "anonymous");
  try {
    await throttle.consume(caller);
  } catch {
    return;
  }
  const url = new URL(request.url);
  const agent = request.headers.get("User-Agent")?.slice(0, 200) ?? null;
  audit(getDb(), { userId, mdoId, entity: "access", entityId: tokenId, action: "refused", after: { status, method: request.method, path: url.pathname, reason, userAgent: agent } });
}

/** Forgets the per-caller counts (tests). */
export function resetRefusalThrottle(): void {
  throttle = new RateLimiterMemory({ points: REFUSALS_PER_MINUTE, duration: 60 });
}
