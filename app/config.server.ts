/**
 * Every setting read from the environment at run time, in one place: each variable's zod schema
 * is in `SETTINGS` below, and each is read through a function here, on every call, so a change
 * (a test setting API_RATE_LIMIT, say) takes effect without a restart. Also the start-up refusals
 * that keep a production server from running with demo accounts or a guessable session secret.
 * DATABASE_URL alone is read by the database client (db/client.ts), which the CLI shares.
 */
import { z } from "zod";

/** Environment variables, as process.env holds them. */
export type Env = Record<string, string | undefined>;

// why blank is unset: an operator's `FOO=` in a unit file or .env means "not set", never "empty".
const optional = z.preprocess((v) => (typeof v === "string" && v.trim() ? v.trim() : undefined), z.string().optional());
const yes = z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.string().optional()).transform((v) => v === "1" || v === "true");
const wholeAtLeast = (min: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() ? v.trim() : undefined), z.coerce.number().int().min(min).max(Number.MAX_SAFE_INTEGER).optional());
const minutes = (fallback: number) => z.coerce.number().int().positive().max(60 * 24 * 365).default(fallback);

/** The settings, one schema per variable (README "Configuration" explains each). */
export const SETTINGS = {
  APP_URL: optional,
  PORT: optional,
  NODE_ENV: optional,
  // why not `yes`: FRAC_DEMO has always been exactly "1" or "true"; " TRUE " stays off.
  FRAC_DEMO: z.string().optional().transform((v) => v === "1" || v === "true"),
  SESSION_SECRET: optional,
  SESSION_IDLE_MINUTES: minutes(30),
  SESSION_MAX_HOURS: z.coerce.number().int().positive().max(24 * 365).default(12),
  SMTP_URL: optional,
  SMTP_FROM: optional,
  TRUST_PROXY: optional,
  PUBLIC_READ: yes,
  PUBLIC_READ_RATE: optional,
  API_RATE_LIMIT: wholeAtLeast(0),
  API_RATE_WINDOW: wholeAtLeast(1),
  STATIC_DIR: optional,
} as const;

type Name = keyof typeof SETTINGS;

/** One setting, checked by its schema; a value that does not pass throws an Error naming the variable and the rule. */
function read<N extends Name>(name: N, env: Env, rule: string): z.output<(typeof SETTINGS)[N]> {
  const parsed = SETTINGS[name].safeParse(env[name]);
  if (!parsed.success) throw new Error(`${name} ${rule} (got "${env[name]}").`);
  return parsed.data as z.output<(typeof SETTINGS)[N]>;
}

const sessionEnv = z.object({ SESSION_IDLE_MINUTES: SETTINGS.SESSION_IDLE_MINUTES, SESSION_MAX_HOURS: SETTINGS.SESSION_MAX_HOURS });

export type SessionLimits = { idleMs: number; maxAgeMs: number };

/** The session limits: 30 minutes idle and 12 hours in all unless SESSION_IDLE_MINUTES / SESSION_MAX_HOURS say otherwise. */
export function sessionLimits(env: Env = process.env): SessionLimits {
  const blank = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  const parsed = sessionEnv.safeParse({ SESSION_IDLE_MINUTES: blank(env.SESSION_IDLE_MINUTES), SESSION_MAX_HOURS: blank(env.SESSION_MAX_HOURS) });
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => String(i.path[0])).join(" and ");
    throw new Error(`${names} must be a whole number greater than 0.`);
  }
  return { idleMs: parsed.data.SESSION_IDLE_MINUTES * 60_000, maxAgeMs: parsed.data.SESSION_MAX_HOURS * 3_600_000 };
}

/**
 * The public address of this server, the one place it is decided: APP_URL, else
 * http://localhost:PORT (PORT defaults to 3000). CASE uris and the links in e-mails both use it.
 */
export function appBaseUrl(env: Env = process.env): string {
  const configured = configuredAppUrl(env)?.replace(/\/+$/u, "");
  return configured || `http://localhost:${read("PORT", env, "is a port number") ?? "3000"}`;
}

/** True when FRAC_DEMO asks for the demo accounts. */
export const demoRequested = (env: Env = process.env): boolean => read("FRAC_DEMO", env, "is 1 or true");

/** The port the server listens on: PORT, else 3000. */
export const serverPort = (env: Env = process.env): number => Number(read("PORT", env, "is a port number") ?? 3000);

/** True when NODE_ENV=development (the dev server's live reload). */
export const isDevelopment = (env: Env = process.env): boolean => read("NODE_ENV", env, "is a mode") === "development";

/** APP_URL as the operator wrote it (trimmed), or undefined: the same-origin check needs to know whether it is set at all. */
export const configuredAppUrl = (env: Env = process.env): string | undefined => read("APP_URL", env, "is an address");

/** SESSION_SECRET when set; otherwise the session module keeps a generated one beside the database. */
export const sessionSecretSetting = (env: Env = process.env): string | undefined => read("SESSION_SECRET", env, "is text");

/** Where e-mail goes: SMTP_URL (a nodemailer URL) and SMTP_FROM, or null when e-mail is off. */
export function mailSettings(env: Env = process.env): { url: string; from: string } | null {
  const url = read("SMTP_URL", env, "is an smtp:// or smtps:// URL");
  if (!url) return null;
  return { url, from: read("SMTP_FROM", env, "is an address") ?? "FRAC Studio <no-reply@localhost>" };
}

/**
 * Whose X-Forwarded-* headers count, as Express's "trust proxy" value: TRUST_PROXY, else
 * `loopback` (a proxy on the same machine); `true`/`false`, a number of hops, or addresses.
 */
export function trustProxySetting(env: Env = process.env): string | number | boolean {
  const v = read("TRUST_PROXY", env, "is a trust proxy value");
  if (!v) return "loopback";
  if (v === "true" || v === "false") return v === "true";
  return /^\d+$/u.test(v) ? Number(v) : v;
}

/** True when PUBLIC_READ opens every ministry's published versions. */
export const publicReadForAll = (env: Env = process.env): boolean => read("PUBLIC_READ", env, "is 1 or true");

const DEFAULT_PUBLIC_PER_MINUTE = 120;

/** Reads per minute an IP address may make without a token: PUBLIC_READ_RATE, else 120 (also when it is not a whole number above 0). */
export function publicReadRate(env: Env = process.env): number {
  const n = Number(read("PUBLIC_READ_RATE", env, "is a number") ?? NaN);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_PUBLIC_PER_MINUTE;
}

export const API_RATE_DEFAULTS = { limit: 1200, windowSeconds: 60 } as const;

/** Requests per window each API token may make (API_RATE_LIMIT, 0 = no limit) and the window in seconds (API_RATE_WINDOW); a bad value throws, naming it. */
export function apiRateSetting(env: Env = process.env): { limit: number; windowSeconds: number } {
  return {
    limit: read("API_RATE_LIMIT", env, "must be a whole number of at least 0") ?? API_RATE_DEFAULTS.limit,
    windowSeconds: read("API_RATE_WINDOW", env, "must be a whole number of at least 1") ?? API_RATE_DEFAULTS.windowSeconds,
  };
}

/** The folder of the static copy (STATIC_DIR), or undefined when there is none. */
export const staticCopyDir = (env: Env = process.env): string | undefined => read("STATIC_DIR", env, "is a folder");

export const MIN_SESSION_SECRET_LENGTH = 32;

/** Why this server must not start with these settings (empty when it may). */
export function startupProblems(env: Env = process.env): string[] {
  const problems: string[] = [];
  const production = read("NODE_ENV", env, "is a mode") === "production";
  if (production && demoRequested(env)) {
    problems.push(
      "FRAC_DEMO is set while NODE_ENV=production. Demo accounts share a published password; unset FRAC_DEMO for a production server, or unset NODE_ENV=production for a local demo.",
    );
  }
  const secret = sessionSecretSetting(env);
  if (production && secret && secret.length < MIN_SESSION_SECRET_LENGTH) {
    problems.push(
      `SESSION_SECRET is ${secret.length} characters long; production needs at least ${MIN_SESSION_SECRET_LENGTH} (e.g. \`openssl rand -hex 32\`), or leave it unset to have one generated beside the database.`,
    );
  }
  for (const check of [sessionLimits, importWorkerSettings]) {
    try {
      check(env);
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
    }
  }
  return problems;
}

const importEnv = z.object({
  IMPORT_MEMORY_MB: z.coerce.number().int().min(16).max(64 * 1024).default(1536),
  IMPORT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  IMPORT_QUEUE_MAX: z.coerce.number().int().min(0).max(1000).default(8),
  IMPORT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(24 * 3600).default(600),
});

/** How imports run on the server: each in a worker thread with this heap, so many at once, so many waiting. */
export type ImportWorkerSettings = { memoryMb: number; concurrency: number; queueMax: number; timeoutMs: number };

/**
 * The import workers' limits: a 1536 MB heap each (IMPORT_MEMORY_MB), at most 2 running at once
 * (IMPORT_CONCURRENCY), 8 more waiting (IMPORT_QUEUE_MAX), each stopped after 600 s (IMPORT_TIMEOUT_SECONDS).
 */
export function importWorkerSettings(env: Env = process.env): ImportWorkerSettings {
  const blank = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  const parsed = importEnv.safeParse({
    IMPORT_MEMORY_MB: blank(env.IMPORT_MEMORY_MB),
    IMPORT_CONCURRENCY: blank(env.IMPORT_CONCURRENCY),
    IMPORT_QUEUE_MAX: blank(env.IMPORT_QUEUE_MAX),
    IMPORT_TIMEOUT_SECONDS: blank(env.IMPORT_TIMEOUT_SECONDS),
  });
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => String(i.path[0])).join(" and ");
    throw new Error(`${names} must be a whole number in its range (see the README's configuration table).`);
  }
  const d = parsed.data;
  return { memoryMb: d.IMPORT_MEMORY_MB, concurrency: d.IMPORT_CONCURRENCY, queueMax: d.IMPORT_QUEUE_MAX, timeoutMs: d.IMPORT_TIMEOUT_SECONDS * 1000 };
}
