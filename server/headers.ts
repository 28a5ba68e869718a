/**
 * Response headers for every answer, with helmet: a Content-Security-Policy whose scripts must
 * come from this origin or carry this response's nonce (Remix's inline scripts get it through
 * the load context), no framing by any site, and HSTS when the request came over https.
 */
import crypto from "node:crypto";
import type { RequestHandler, Response } from "express";
import helmet, { strictTransportSecurity } from "helmet";

/** The nonce of this response's inline scripts (set by securityHeaders, read by getLoadContext). */
export function cspNonce(res: Response): string {
  return String(res.locals.cspNonce ?? "");
}

const HSTS_MAX_AGE_S = 365 * 24 * 60 * 60;

/** The middleware that makes a fresh nonce per request and sets the security headers. */
export function securityHeaders(): RequestHandler[] {
  const nonce: RequestHandler = (_req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    next();
  };
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", (_req, res) => `'nonce-${cspNonce(res as Response)}'`],
        // why unsafe-inline for styles only: React Flow positions every node with a style attribute.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        // The graph editor's elkjs layout runs in a worker served from /resources/elk-worker.js.
        "worker-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
      },
    },
    // why off here: HSTS is sent only over https (below); over plain http it would be ignored or, worse, cached by a proxy.
    strictTransportSecurity: false,
    xFrameOptions: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
  });
  const hsts = strictTransportSecurity({ maxAge: HSTS_MAX_AGE_S, includeSubDomains: true });
  const hstsOverHttps: RequestHandler = (req, res, next) => (req.secure ? hsts(req, res, next) : next());
  const permissions: RequestHandler = (_req, res, next) => {
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    next();
  };
  return [nonce, headers, hstsOverHttps, permissions];
}
