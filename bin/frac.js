#!/usr/bin/env node
// The `frac` command. It runs the JavaScript that `npm run build` (and npm's `prepare`, so right
// after `npm install`) writes to dist/: no TypeScript is compiled when the command starts.
let cli;
try {
  cli = await import("../dist/cli.js");
} catch (e) {
  if (e?.code !== "ERR_MODULE_NOT_FOUND" || !String(e.message).includes("dist/cli.js")) throw e;
  process.stderr.write("frac: the CLI is not built yet. Run `npm run build:node` (or `npm install`, which builds it) in FRAC Studio's folder.\n");
  process.exit(2);
}
process.exitCode = await cli.main(process.argv.slice(2));
