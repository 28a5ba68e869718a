// Starts the built app on a fresh, demo-seeded database for the browser tests.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { databaseFile, openClient } from "../../../db/client";
import { activateEmptyMdo, writeBigFramework } from "../../factories/big-framework";
import { BIG_FRAMEWORK_CODE, KEYBOARD_CANVAS_CODE, KEYBOARD_FRAMEWORK_CODE } from "./accounts";

fs.rmSync(path.dirname(databaseFile()), { recursive: true, force: true });
// The shipped server: the JavaScript in dist/ (playwright.config.ts builds it first).
await import(pathToFileURL(path.resolve("dist/serve.js")).href);

// A large draft without canvas positions, as a ministry's import leaves it (about 2,000 nodes / 6,000 links).
const client = openClient(databaseFile());
writeBigFramework(client, { code: BIG_FRAMEWORK_CODE, withPositions: false, positions: 143, rolesPer: 2, activitiesPer: 5, competenciesPer: 3 });
// An empty draft for the keyboard-only flows, which submit and publish it (no other test touches it).
activateEmptyMdo(client, KEYBOARD_FRAMEWORK_CODE);
activateEmptyMdo(client, KEYBOARD_CANVAS_CODE);
client.sqlite.close();
