import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of this response, which every inline script must carry.
 * Set by entry.server from the load context; empty in the browser, which hides nonces anyway.
 */
export const NonceContext = createContext("");

/** The nonce for Remix's <Scripts> and <ScrollRestoration>. */
export const useNonce = () => useContext(NonceContext);
