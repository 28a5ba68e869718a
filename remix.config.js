/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // why off: its MutationObserver runs querySelectorAll on every DOM change; with React Flow's
    // canvas that cost over a second of main thread while a large framework first renders.
    v3_lazyRouteDiscovery: false,
  },
};
