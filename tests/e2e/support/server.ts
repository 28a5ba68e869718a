// Starts the built app on a fresh, demo-seeded database for the browser tests.
import fs from "node:fs";
import path from "node:path";
import { databaseFile } from "../../../db/client";

fs.rmSync(path.dirname(databaseFile()), { recursive: true, force: true });
await import("../../../scripts/serve");
