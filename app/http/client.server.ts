/** Who is on the other end of a request: the IP the server saw (its load context) and the user agent. */
import type { AppLoadContext } from "@remix-run/node";
import type { SessionClient } from "~/models/access/sessions.server";

/** The client's IP as the server passed it in the load context (see scripts/serve.ts), or null. */
export function clientIp(context: AppLoadContext | undefined): string | null {
  const ip = context?.clientIp;
  return typeof ip === "string" && ip.length > 0 ? ip.slice(0, 64) : null;
}

/** The IP and user agent of a request, as recorded with sessions and security events. */
export function clientOf(request: Request, context: AppLoadContext | undefined): SessionClient {
  return { ip: clientIp(context), userAgent: request.headers.get("user-agent")?.slice(0, 512) ?? null };
}
