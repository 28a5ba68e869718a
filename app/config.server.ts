/**
 * Settings read from the environment, checked once, and the start-up refusals that keep a
 * production server from running with demo accounts or a guessable session secret.
 */
import { z } from "zod";

const minutes = (fallback: number) => z.coerce.number().int().positive().max(60 * 24 * 365).default(fallback);

const sessionEnv = z.object({
  SESSION_IDLE_MINUTES: minutes(30),
  SESSION_MAX_HOURS: z.coerce.number().int().positive().max(24 * 365).default(12),
});

/** Environment variables, as process.env holds them. */
export type Env = Record<string, string | undefined>;

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
  const configured = env.APP_URL?.trim().replace(/\/+$/u, "");
  return configured || `http://localhost:${env.PORT?.trim() || "3000"}`;
}

/** True when FRAC_DEMO asks for the demo accounts. */
export const demoRequested = (env: Env = process.env) => env.FRAC_DEMO === "1" || env.FRAC_DEMO === "true";

export const MIN_SESSION_SECRET_LENGTH = 32;

/** Why this server must not start with these settings (empty when it may). */
export function startupProblems(env: Env = process.env): string[] {
  const problems: string[] = [];
  const production = env.NODE_ENV === "production";
  if (production && demoRequested(env)) {
    problems.push(
      "FRAC_DEMO is set while NODE_ENV=production. Demo accounts share a published password; unset FRAC_DEMO for a production server, or unset NODE_ENV=production for a local demo.",
    );
  }
  const secret = env.SESSION_SECRET?.trim();
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
