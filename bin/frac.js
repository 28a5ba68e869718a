#!/usr/bin/env node
// The `frac` command. The CLI is TypeScript run through tsx, pointed at this project's
// tsconfig so its path aliases resolve from whatever directory the command is run in.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const tsconfig = fileURLToPath(new URL("../tsconfig.json", import.meta.url));
register({ tsconfig });
const { main } = await import("./cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
