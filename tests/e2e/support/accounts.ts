import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";

/** The ministry whose draft the e2e server fills with a large generated framework, without canvas positions. */
export const BIG_FRAMEWORK_CODE = "E2EBIG";

/** A ministry with an empty draft that only the keyboard-only flows edit, submit and publish. */
export const KEYBOARD_FRAMEWORK_CODE = "E2EKEY";

/** A ministry with an empty draft where the canvas's own keyboard operations (move, link, delete) are tried. */
export const KEYBOARD_CANVAS_CODE = "E2ECANVAS";

/** Makes a fresh author of `mdo` with the real CLI against the e2e database; returns email and one-time password. */
export function createAuthor(mdo: string): { email: string; password: string } {
  const email = `author-${mdo.toLowerCase()}-${crypto.randomUUID().slice(0, 8)}@frac.test`;
  const out = execFileSync(process.execPath, [path.resolve("bin/frac.js"), "user", "create", email, "--role", "author", "--mdo", mdo, "--json"], {
    env: { ...process.env, DATABASE_URL: "file:tests/.tmp/e2e/frac.db" },
    encoding: "utf8",
  });
  const { password } = JSON.parse(out) as { password: string };
  return { email, password };
}
