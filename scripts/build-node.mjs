// Builds the server (scripts/serve.ts), its import worker (server/import-worker.ts) and the CLI (bin/cli/main.ts) to JavaScript in dist/, so
// none compiles TypeScript when it starts. Packages stay external (resolved from node_modules);
// code splitting turns each command's `await import(...)` into its own chunk, so a command loads
// only what it uses. dist/ sits one level below the project root, like db/ and build/, which is
// what db/client.ts and db/seed-files.ts rely on to find db/migrations and db/seed-data.
import { build } from "esbuild";
import fs from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = fileURLToPath(new URL("../dist/", import.meta.url));

fs.rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: "bin/cli/main.ts", serve: "scripts/serve.ts", "import-worker": "server/import-worker.ts" },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  tsconfig: "tsconfig.json",
  sourcemap: "linked",
  chunkNames: "chunk-[hash]",
  logLevel: "warning",
});
