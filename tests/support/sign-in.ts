import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";

/** The load context the server passes (the client's IP). */
export const contextFrom = (ip = "203.0.113.10") => ({ clientIp: ip });

/** Posts the real sign-in form; returns the response and the session cookie it set ("name=value"), if any. */
export async function signInThroughForm(email: string, password: string, { ip = "203.0.113.10", cookie, redirectTo, userAgent = "vitest-browser/1.0" }: { ip?: string; cookie?: string; redirectTo?: string; userAgent?: string } = {}) {
  const headers = new Headers({ "User-Agent": userAgent });
  if (cookie) headers.set("Cookie", cookie);
  const body = new URLSearchParams({ email, password, ...(redirectTo !== undefined ? { redirectTo } : {}) });
  const response = await loginAction({ request: new Request("http://localhost/login", { method: "POST", body, headers }), params: {}, context: contextFrom(ip) });
  return { response, cookie: cookieOf(response) };
}

/** Signs out through the real sign-out action with this cookie. */
export async function signOutThroughForm(cookie: string) {
  return logoutAction({ request: new Request("http://localhost/logout", { method: "POST", headers: { Cookie: cookie } }), params: {}, context: contextFrom() });
}

/** The "name=value" part of a response's Set-Cookie, or null. */
export function cookieOf(response: Response): string | null {
  const set = response.headers.get("Set-Cookie");
  return set ? set.split(";")[0] : null;
}

/** A GET request carrying this cookie. */
export const withCookie = (cookie: string, path = "/") => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });
