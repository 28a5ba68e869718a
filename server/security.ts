/**
 * Everything the server checks and sets before a request reaches Remix: which proxy to believe,
 * the security headers, same-origin requests only for changes, and bounded bodies.
 */
import type { IncomingMessage, Server } from "node:http";
import type { Express, RequestHandler } from "express";
import { configuredAppUrl, trustProxySetting, type Env } from "../app/config.server";
import { boundedBodies } from "./bounded-body";
import { securityHeaders } from "./headers";
import { sameOriginOnly } from "./same-origin";

export { cspNonce } from "./headers";

/**
 * Installs the checks on `app`. TRUST_PROXY says whose X-Forwarded-* headers count (Express's
 * "trust proxy" values: `loopback` by default, a proxy on the same machine; a number of hops or
 * addresses for others); they decide whether a request came over https.
 */
export function installSecurity(app: Express, env?: Env): void {
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxySetting(env));
  app.use(...securityHeaders(), sameOriginOnly(configuredAppUrl(env)), boundedBodies(), continueWhenAccepted);
}

const awaitingContinue = new WeakSet<IncomingMessage>();

/**
 * A client that sends `Expect: 100-continue` (curl does, for large bodies) waits for the server's
 * go-ahead before sending the body. Node gives it at once unless told otherwise; this makes the
 * server give it only once the checks above have passed, so a refused body is never sent at all.
 */
export function continueOnlyAfterChecks(server: Server, app: Express): void {
  server.on("checkContinue", (req, res) => {
    awaitingContinue.add(req);
    app(req, res);
  });
}

const continueWhenAccepted: RequestHandler = (req, res, next) => {
  if (awaitingContinue.has(req)) res.writeContinue();
  next();
};
