import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

const alias = {
  "~": here("./app"),
  "@schemas": here("./schemas"),
  "@db": here("./db"),
  "@import": here("./import"),
  "@export": here("./export"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/setup/fail-on-console-error.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/setup/fail-on-console-error.ts", "tests/setup/integration-db.ts"],
          globalSetup: ["tests/setup/integration-global.ts"],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
