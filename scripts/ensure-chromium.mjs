#!/usr/bin/env node
// pretest: the e2e tests drive Debian's Chromium (Playwright's own browser downloads are never used).
// Where /usr/bin/chromium is missing and we are root on Debian, install it (with Devanagari fonts);
// elsewhere print the command and stop.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

const CHROMIUM = "/usr/bin/chromium";
const PACKAGES = ["chromium", "fonts-noto-core"];
const hasFonts = () => fs.existsSync("/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf");

if (fs.existsSync(CHROMIUM) && (hasFonts() || !fs.existsSync("/etc/debian_version"))) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const isDebian = fs.existsSync("/etc/debian_version") && fs.existsSync("/usr/bin/apt-get");
const command = `apt-get update && apt-get install -y --no-install-recommends ${PACKAGES.join(" ")}`;

if (!isRoot || !isDebian) {
  console.error(
    `The browser tests need Chromium at ${CHROMIUM} and the Noto fonts (for Devanagari).\n` +
      `Install them, e.g. on Debian/Ubuntu:\n  sudo ${command}\nthen run npm test again.`,
  );
  process.exit(1);
}

console.log(`Installing ${PACKAGES.join(" and ")} with apt-get (needed by the browser tests)…`);
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
execFileSync("apt-get", ["update"], { stdio: "inherit", env });
execFileSync("apt-get", ["install", "-y", "--no-install-recommends", ...PACKAGES], { stdio: "inherit", env });
if (!fs.existsSync(CHROMIUM)) {
  console.error(`apt-get finished but ${CHROMIUM} is still missing.`);
  process.exit(1);
}
