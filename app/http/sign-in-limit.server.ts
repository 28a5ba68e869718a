/**
 * Failed sign-in limits (rate-limiter-flexible, in memory; docs/decisions/012): at most 10 failed
 * sign-ins per account and per IP address in 15 minutes. Checked before the password is hashed, so
 * a limited caller costs no argon2 work.
 */
import { RateLimiterMemory } from "rate-limiter-flexible";

export const MAX_FAILED_SIGN_INS = 10;
export const FAILED_SIGN_IN_WINDOW_S = 15 * 60;

function limiter(keyPrefix: string) {
  return new RateLimiterMemory({ keyPrefix, points: MAX_FAILED_SIGN_INS, duration: FAILED_SIGN_IN_WINDOW_S });
}

declare global {
  var __fracSignInLimits: { account: RateLimiterMemory; ip: RateLimiterMemory } | undefined;
}

// why globalThis: the dev server re-requires the bundle; counts must survive that.
const limits = () => (globalThis.__fracSignInLimits ??= { account: limiter("sign-in-account"), ip: limiter("sign-in-ip") });

export type Caller = { email: string; ip: string | null };

const ipKey = (ip: string | null) => ip ?? "unknown";

/** Seconds until this caller may try again, or null when neither its account nor its IP is limited. */
export async function signInBlockedFor({ email, ip }: Caller): Promise<number | null> {
  const { account, ip: byIp } = limits();
  const [a, i] = await Promise.all([account.get(email), byIp.get(ipKey(ip))]);
  const waits = [a, i].filter((r) => r !== null && r.consumedPoints >= MAX_FAILED_SIGN_INS).map((r) => r!.msBeforeNext);
  return waits.length ? Math.max(1, Math.ceil(Math.max(...waits) / 1000)) : null;
}

/** Counts one failed sign-in; returns which limits it just reached (to record the lockout once). */
export async function countFailedSignIn({ email, ip }: Caller): Promise<{ account: boolean; ip: boolean }> {
  const { account, ip: byIp } = limits();
  const [a, i] = await Promise.all([account.penalty(email, 1), byIp.penalty(ipKey(ip), 1)]);
  return { account: a.consumedPoints === MAX_FAILED_SIGN_INS, ip: i.consumedPoints === MAX_FAILED_SIGN_INS };
}

/** A successful sign-in clears its account's count (the IP's count stays). */
export async function clearAccountFailures({ email }: Pick<Caller, "email">): Promise<void> {
  await limits().account.delete(email);
}

/** Forgets every count (tests). */
export function resetSignInLimits(): void {
  globalThis.__fracSignInLimits = undefined;
}
