// Attacks on the running app, and the app working under its Content-Security-Policy.
import { expect, signIn, test } from "./support/fixtures";

test("pages carry a nonce-based CSP that their own scripts satisfy, and an injected inline script is blocked", async ({ page, consoleErrors }) => {
  const response = await page.goto("/login");
  const csp = response?.headers()["content-security-policy"] ?? "";
  const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response?.headers()["cache-control"]).toBe("private, no-store");
  // Remix's inline scripts carry the nonce (the browser hides it from the DOM attribute, not from the source).
  const html = (await response?.text()) ?? "";
  const inline = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(inline.length).toBeGreaterThan(0);
  expect(inline.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);

  // The app runs: signing in works through Remix's client-side form.
  await signIn(page, "author@frac.test");
  await expect(page.getByRole("heading", { name: "Frameworks", level: 1 })).toBeVisible();

  // A script injected without the nonce does not run, and the watcher sees the violation.
  const ran = await page.evaluate(async () => {
    const blocked = new Promise((resolve) => document.addEventListener("securitypolicyviolation", resolve, { once: true }));
    const script = document.createElement("script");
    script.textContent = "window.__injected = true";
    document.body.append(script);
    await blocked;
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => consoleErrors.some((e) => /CSP violation: script-src-elem blocked inline/.test(e))).toBe(true);
  consoleErrors.length = 0;
});

test("a form on another site that posts to the app is refused with 403, not run and not a 500", async ({ page, baseURL }) => {
  await signIn(page, "author@frac.test");
  // why a routed page: the attacker's site, served by the browser itself so the test needs no second server.
  await page.route("http://evil.example/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<form method="post" action="${baseURL}/notifications"><input name="intent" value="read-all"></form><script>document.forms[0].submit()</script>`,
    }),
  );
  const [refusal] = await Promise.all([page.waitForResponse(`${baseURL}/notifications`), page.goto("http://evil.example/")]);
  expect(refusal.status()).toBe(403);
  // (From an https site to this http test server the browser would say Origin: null, also refused.)
  await expect(page.getByText("Refused: this request came from http://evil.example, not from FRAC Studio itself.")).toBeVisible();
});

test("requests a browser would send from another origin, and bodies of the wrong size or type, are refused before the app", async ({ page, baseURL }) => {
  await signIn(page, "author@frac.test");
  const api = page.request;
  const evil = { Origin: "https://evil.example" };
  const form = { "Content-Type": "application/x-www-form-urlencoded" };

  const documentPost = await api.post("/notifications", { headers: { ...evil, ...form }, data: "intent=read-all" });
  expect(documentPost.status()).toBe(403);
  const dataPost = await api.post("/notifications?_data=routes%2Fnotifications", { headers: { ...evil, ...form }, data: "intent=read-all" });
  expect(dataPost.status()).toBe(403);
  expect(await dataPost.text()).toMatch(/^Refused: this request came from https:\/\/evil\.example/);
  const crossSite = await api.post("/notifications?_data=routes%2Fnotifications", { headers: { "Sec-Fetch-Site": "cross-site", ...form }, data: "intent=read-all" });
  expect(crossSite.status()).toBe(403);

  const own = { Origin: new URL(baseURL ?? "").origin };
  const textToEditor = await api.post("/frameworks/CBIC/edit?_data=routes%2Fframeworks.%24code.edit", {
    headers: { ...own, "Content-Type": "text/plain" },
    data: JSON.stringify({ intent: "save", baseRevision: 0, changes: [] }),
  });
  expect(textToEditor.status()).toBe(415);
  expect(await textToEditor.text()).toBe("Refused: an editor save must be sent as application/json, not text/plain.\n");

  const twoMegabytes = await api.post("/login", { headers: { ...own, ...form }, data: `email=${"a".repeat(2 * 1024 * 1024)}` });
  expect(twoMegabytes.status()).toBe(413);
  expect(await twoMegabytes.text()).toBe("Refused: a form may be at most 1 MB; this one is 2 MB.\n");

  // The same request from the app itself goes through.
  const ownPost = await api.post("/notifications?_data=routes%2Fnotifications", { headers: { ...own, ...form }, data: "intent=read-all" });
  expect(ownPost.status()).toBeLessThan(300);

  // Pages and data with draft content are never stored by a cache.
  const draftData = await api.get("/frameworks/CBIC?_data=routes%2Fframeworks.%24code._index");
  expect(draftData.headers()["cache-control"]).toBe("private, no-store");
});
