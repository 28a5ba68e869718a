/**
 * Server-side sessions: the cookie carries only a random id (signed with SESSION_SECRET, or a
 * secret generated on first start and kept beside the database); everything else is a row of the
 * sessions table, so signing out, a password change or disabling an account ends it at once.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createSessionStorage, type Session, type SessionStorage } from "@remix-run/node";
import { databaseFile } from "@db/client";
import { sessionLimits, sessionSecretSetting } from "~/config.server";
import { createSessionRow, deleteSessionRow, readSessionRow, updateSessionRow, type SessionClient } from "~/models/access/sessions.server";

function loadSecret(): string {
  const fromEnv = sessionSecretSetting();
  if (fromEnv) return fromEnv;
  const file = path.join(path.dirname(databaseFile()), ".session-secret");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // absent: make one below
  }
  const secret = crypto.randomBytes(32).toString("hex");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // why: "wx" fails if another process created it meanwhile; then that one's secret wins.
  try {
    fs.writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
    return secret;
  } catch {
    return fs.readFileSync(file, "utf8").trim();
  }
}

const CLIENT_KEY = "client";

/** Splits Remix's session data into the row's columns (user, client) and the rest. */
function splitData(data: Record<string, unknown>) {
  const { userId, [CLIENT_KEY]: client, ...rest } = data;
  if (typeof userId !== "string") throw new Error("A session is stored only for a signed-in user.");
  const c = (client ?? {}) as Partial<SessionClient>;
  return { userId, client: { userAgent: c.userAgent ?? null, ip: c.ip ?? null }, rest };
}

let storages: { secure: SessionStorage; plain: SessionStorage } | undefined;

function makeStorage(secure: boolean): SessionStorage {
  return createSessionStorage({
    cookie: {
      name: "__frac_session",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure,
      maxAge: Math.floor(sessionLimits().maxAgeMs / 1000),
      secrets: [loadSecret()],
    },
    async createData(data) {
      const { userId, client, rest } = splitData(data);
      return createSessionRow({ userId, data: rest, client });
    },
    async readData(id) {
      const row = readSessionRow({ id });
      return row ? { ...row.data, userId: row.userId } : null;
    },
    async updateData(id, data) {
      updateSessionRow({ id, data: splitData(data).rest });
    },
    async deleteData(id) {
      if (id) deleteSessionRow({ id });
    },
  });
}

/** The session storage for this request: the cookie is Secure when the request came over HTTPS. */
export function sessionStorageFor(request: Request): SessionStorage {
  storages ??= { secure: makeStorage(true), plain: makeStorage(false) };
  const proto = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
  return proto === "https" ? storages.secure : storages.plain;
}

/** The session of this request (empty when the cookie is missing, unsigned, ended or expired). */
export function getSession(request: Request) {
  return sessionStorageFor(request).getSession(request.headers.get("Cookie"));
}

/**
 * A brand-new session for a user who just proved who they are (a new id, whatever cookie came in),
 * returned as the Set-Cookie value.
 */
export async function startSession(request: Request, { userId, ip }: { userId: string; ip: string | null }): Promise<string> {
  const storage = sessionStorageFor(request);
  const session: Session = await storage.getSession();
  session.set("userId", userId);
  session.set(CLIENT_KEY, { userAgent: request.headers.get("user-agent"), ip } satisfies SessionClient);
  return storage.commitSession(session);
}

/** The session key (sha256 of the id) of this request's session, or null. */
export async function currentSessionId(request: Request): Promise<string | null> {
  const session = await getSession(request);
  return session.id || null;
}
