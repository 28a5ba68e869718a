/**
 * Server rendering, as Remix's default does it (bots get the whole page at once, browsers a
 * stream), plus two things of ours: the CSP nonce of the response reaches React's and Remix's
 * inline scripts, and pages and data that do not say otherwise are never stored by a cache
 * (drafts are confidential, and offices share computers).
 */
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleDataRequestFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { langCookieFor } from "~/utils/i18n.server";
import { NonceContext } from "~/utils/nonce";

const ABORT_DELAY_MS = 5_000;
const NO_STORE = "private, no-store";

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
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  if (!responseHeaders.has("Cache-Control")) responseHeaders.set("Cache-Control", NO_STORE);
  rememberLanguage(request, responseHeaders);
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set("Content-Type", "text/html");
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY_MS} />
      </NonceContext.Provider>,
      {
        nonce,
        ...(waitForAll ? { onAllReady: ready } : { onShellReady: ready }),
        onShellError: reject,
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell is ready reject above and Remix logs them.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY_MS);
  });
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
