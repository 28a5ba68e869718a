import fs from "node:fs";
import { createRequire } from "node:module";

// The elkjs Web Worker script, served from the installed package so no build step copies it.
const require = createRequire(import.meta.url);
let script: string | null = null;

export function loader() {
  script ??= fs.readFileSync(require.resolve("elkjs/lib/elk-worker.min.js"), "utf8");
  return new Response(script, {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
