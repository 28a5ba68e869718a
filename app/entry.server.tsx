/**
 * Server rendering: the whole page rendered at once, plus two things of ours: the CSP nonce of the
 * response reaches Remix's inline scripts, and pages and data that do not say otherwise are never
 * stored by a cache (drafts are confidential, and offices share computers).
 *
 * Why not a stream (Remix's default): no page defers data, so a stream sends nothing sooner, and
 * under load it hurt. Fifty outline pages rendering at once took turns chunk by chunk, so all of
 * them finished late, and the stream's 5-second abort cut some of them short (timeouts in the load
 * bench). Rendered whole, pages are answered in the order they were asked (decision 031).
 */
import type { AppLoadContext, EntryContext, HandleDataRequestFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { langCookieFor } from "~/i18n/i18n.server";
import { NonceContext } from "~/http/nonce";

const NO_STORE = "private, no-store";
const encoder = new TextEncoder();

declare module "@remix-run/server-runtime" {
  interface AppLoadContext {
    /** The Content-Security-Policy nonce the server made for this response. */
    cspNonce?: string;
  }
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  if (!responseHeaders.has("Cache-Control")) responseHeaders.set("Cache-Control", NO_STORE);
  rememberLanguage(request, responseHeaders);
  const html = renderToString(
    <NonceContext.Provider value={nonce}>
      <RemixServer context={remixContext} url={request.url} />
    </NonceContext.Provider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  // why bytes: given a string, Response checks every character for lone surrogates in JavaScript
  // (undici's toUSVString), an eighth of the outline page's time under load; the encoder does the
  // same replacement natively.
  return new Response(encoder.encode(`<!DOCTYPE html>${html}`), { headers: responseHeaders, status: responseStatusCode });
}

/** Data requests (`?_data=`) get the same default as pages, and remember `?lang=` as pages do. */
export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
  if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", NO_STORE);
  rememberLanguage(request, response.headers);
  return response;
};

/** `?lang=hi|en` on any page switches the language and the `lang` cookie keeps the choice. */
function rememberLanguage(request: Request, headers: Headers) {
  const cookie = langCookieFor(request);
  if (cookie) headers.append("Set-Cookie", cookie);
}
