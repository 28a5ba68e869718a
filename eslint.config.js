// Lint: typescript-eslint's recommended rules, React hooks rules, and the layering rules from
// CONVENTIONS.md: arrows point one way (routes → models → db → schemas); schemas/ knows no one;
// import/ never touches the database; app/http (the request edge) sits beside the routes, above the
// models; components never reach db/; and no import cycles anywhere.
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// A pattern is a string, or an array of strings read together (so a "!…" entry can make an exception).
const restrict = (patterns, message) => ["error", { patterns: patterns.map((group) => ({ group: [group].flat(), message })) }];

export default tseslint.config(
  { ignores: ["build/**", "dist/**", "public/build/**", "node_modules/**", ".cache/**", "test-results/**", "playwright-report/**", "tests/.tmp/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // why only no-cycle: the other import-x rules repeat what TypeScript already checks.
    files: ["app/**/*.{ts,tsx}", "schemas/**/*.ts", "db/**/*.ts", "import/**/*.ts", "export/**/*.ts", "bin/**/*.ts", "scripts/**/*.ts"],
    plugins: { "import-x": importX },
    settings: { "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })] },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    files: ["schemas/**/*.ts"],
    rules: { "no-restricted-imports": restrict(["~/*", "@db/*", "@import/*", "../*"], "schemas/ imports only zod and other schemas/ files.") },
  },
  {
    files: ["import/**/*.ts"],
    rules: { "no-restricted-imports": restrict(["~/*", "@db/*", "../db/*", "better-sqlite3", "drizzle-orm*"], "import/ is pure: no database access.") },
  },
  {
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": restrict(["@db/*", "../*db/*"], "Routes call models; only models touch db/.") },
  },
  {
    files: ["app/models/**/*.ts"],
    rules: {
      "no-restricted-imports": restrict(
        ["~/routes/*", "~/components/*", "~/http/*", "../routes/*", "../http/*", "../../routes/*", "../../http/*", "../../components/*"],
        "Models sit below routes, components and the HTTP edge (app/http): no import runs back up.",
      ),
    },
  },
  {
    files: ["app/http/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": restrict([["@db/*", "!@db/hash"], "~/routes/*", "~/components/*", "../routes/*", "../components/*"], "app/http is the request edge beside the routes: it calls models (and hashes with @db/hash), never the rest of db/, routes or components.") },
  },
  {
    files: ["app/components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": restrict(["@db/*", "*.server", "~/models/*", "~/http/*", "~/routes/*"], "Components never import db/, server-only code, the HTTP edge or routes.") },
  },
  {
    files: ["bin/**/*.ts"],
    rules: { "no-restricted-imports": restrict(["~/routes/*"], "The CLI uses models, not routes.") },
  },
  {
    // why: every setting is read, checked and defaulted in one module (app/config.server.ts);
    // DATABASE_URL is read by db/client.ts, which the CLI shares.
    files: ["app/**/*.{ts,tsx}", "server/**/*.ts", "scripts/serve.ts"],
    ignores: ["app/config.server.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read settings through app/config.server.ts." }],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
);
