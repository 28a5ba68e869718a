/**
 * Session cookie storage. The signing secret is SESSION_SECRET, or a random secret generated on
 * first start and kept beside the database file, so sessions survive restarts without setup.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createCookieSessionStorage, type SessionStorage } from "@remix-run/node";
import { databaseFile } from "@db/client";

const SESSION_MAX_AGE_S = 60 * 60 * 12;

function loadSecret(): string {
  const fromEnv = process.env.SESSION_SECRET?.trim();
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

let storages: { secure: SessionStorage; plain: SessionStorage } | undefined;

function makeStorage(secure: boolean): SessionStorage {
  return createCookieSessionStorage({
    cookie: {
      name: "__frac_session",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure,
      maxAge: SESSION_MAX_AGE_S,
      secrets: [loadSecret()],
    },
  });
}

/** The session storage for this request: the cookie is Secure when the request came over HTTPS. */
export function sessionStorageFor(request: Request): SessionStorage {
  storages ??= { secure: makeStorage(true), plain: makeStorage(false) };
  const proto = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
  return proto === "https" ? storages.secure : storages.plain;
}

/** The session of this request (empty when the cookie is missing or its signature is wrong). */
export function getSession(request: Request) {
  return sessionStorageFor(request).getSession(request.headers.get("Cookie"));
}
