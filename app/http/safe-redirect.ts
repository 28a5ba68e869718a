const BASE = "http://frac.invalid";

/** True when the text holds a control character (C0, DEL) or a backslash. */
function hasUnsafeCharacter(text: string): boolean {
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f || ch === "\\") return true;
  }
  return false;
}

/**
 * A redirect target from a form or query string, kept only when it is a path on this site.
 * The URL parser decides (it reads `/\t/x`, `/\x` and `//x` as other hosts, as browsers do);
 * control characters, backslashes and anything that leaves the origin fall back to `fallback`.
 * Returns the normalised path, query and fragment.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.length > 2048) return fallback;
  // why: a browser strips tab and newline from a Location before parsing it, so `/\t/x` becomes `//x`.
  if (hasUnsafeCharacter(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || to.startsWith("//")) return fallback;
  const path = url.pathname + url.search + url.hash;
  // why: a path whose decoding yields control characters or a leading `//` is refused too, for
  // servers or proxies that decode before redirecting.
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return fallback;
  }
  if (hasUnsafeCharacter(decoded) || decoded.startsWith("//")) return fallback;
  return path;
}
