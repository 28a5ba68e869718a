/**
 * Cross-site request forgery: a request that changes something must come from a page of this
 * app. The browser says where a request came from (Origin, or without it Sec-Fetch-Site); a
 * request that says another site is refused here, before Remix, for pages and data requests
 * (`?_data=`) alike. A request with neither header comes from no browser (a script, curl) and
 * carries no one's cookies by accident, so it goes on to the usual checks.
 */
import type { RequestHandler } from "express";
import { configuredAppUrl } from "../app/config.server";
import { refuse } from "./refuse";

const SAFE_METHODS = new Set(["GET", "HEAD"]);

/** Refuses (403) a non-GET request that a browser says came from another origin than `appUrl`, or than the one it was sent to. */
export function sameOriginOnly(appUrl: string | undefined = configuredAppUrl()): RequestHandler {
  const fixed = appUrl?.trim() ? originOf(appUrl.trim()) : null;
  if (fixed === null && appUrl?.trim()) throw new Error(`APP_URL must be an absolute http(s) address such as https://frac.example.gov.in (got "${appUrl}")`);
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    // why Host, and never a configured fallback: behind no proxy it is the address the browser used.
    const own = fixed ?? originOf(`${req.protocol}://${req.get("host") ?? ""}`);
    const origin = req.get("origin");
    if (origin !== undefined) {
      if (own !== null && originOf(origin) === own) return next();
      return refuse(res, 403, `Refused: this request came from ${describe(origin)}, not from FRAC Studio itself. Open FRAC Studio and try again there.`);
    }
    const site = req.get("sec-fetch-site");
    if (site !== undefined && site !== "same-origin") {
      return refuse(res, 403, `Refused: the browser says this request came from another site (${site}). Open FRAC Studio and try again there.`);
    }
    next();
  };
}

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : null;
  } catch {
    return null;
  }
}

// why a cap: the header is the sender's to choose, and it is echoed back.
function describe(origin: string): string {
  const shown = origin === "null" ? "a page with no origin" : origin;
  return shown.length > 100 ? `${shown.slice(0, 99)}…` : shown;
}
