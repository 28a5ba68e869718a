/**
 * Every page of the app (each non-resource route in app/routes), with the demo account that can
 * open it and the ministry it is opened for: small ministries, so that axe and screenshots stay fast.
 * The accessibility scan (a11y-every-page.spec.ts) and the Hindi screenshots (scripts/hindi-screenshots.ts)
 * both walk this list; a new page goes here.
 */
export type PageVisit = { name: string; path: string; as: Account };

/** Who opens the page: a demo account, or nobody (signed out). */
export type Account = "mohfw-author" | "cbic-author" | "reviewer" | "curator" | "admin" | "signed-out";

export const ACCOUNT_EMAIL: Record<Exclude<Account, "signed-out">, string> = {
  "mohfw-author": "other-author@frac.test",
  "cbic-author": "author@frac.test",
  reviewer: "reviewer@frac.test",
  curator: "curator@frac.test",
  admin: "admin@frac.test",
};

export const PAGES: PageVisit[] = [
  { name: "login", path: "/login", as: "signed-out" },
  { name: "not-found", path: "/frameworks/NOSUCH", as: "signed-out" },
  { name: "home", path: "/", as: "mohfw-author" },
  { name: "outline", path: "/frameworks/MOHFW", as: "mohfw-author" },
  { name: "list-editing", path: "/frameworks/MOHFW/list", as: "mohfw-author" },
  { name: "editor", path: "/frameworks/MOHFW/edit", as: "mohfw-author" },
  { name: "import", path: "/frameworks/MOHFW/import", as: "mohfw-author" },
  { name: "submit", path: "/frameworks/MOHFW/submit", as: "mohfw-author" },
  { name: "audit-trail", path: "/frameworks/MOHFW/audit", as: "mohfw-author" },
  { name: "versions-none", path: "/frameworks/MOHFW/versions", as: "mohfw-author" },
  { name: "account", path: "/account", as: "mohfw-author" },
  { name: "password", path: "/account/password", as: "mohfw-author" },
  { name: "notifications", path: "/notifications", as: "mohfw-author" },
  { name: "search", path: "/search?q=budget", as: "mohfw-author" },
  { name: "dictionary", path: "/dictionary", as: "mohfw-author" },
  // why a literal id: the page takes an id, not a KCM code; this is BEH-001 "Self-Analysis" (kcmId in db/ids.ts, the same on every install).
  { name: "dictionary-entry", path: "/dictionary/752dabf2-c571-5ad5-935d-71cab920ffca", as: "mohfw-author" },
  { name: "profiles", path: "/frameworks/MOHFW/positions", as: "mohfw-author" },
  { name: "heat-map", path: "/frameworks/MOHFW/heatmap", as: "mohfw-author" },
  { name: "acbp", path: "/frameworks/CBIC/acbp", as: "cbic-author" },
  { name: "dictionary-propose", path: "/dictionary/propose", as: "cbic-author" },
  { name: "versions", path: "/frameworks/CBIC/versions", as: "reviewer" },
  { name: "version", path: "/frameworks/CBIC/versions/1", as: "reviewer" },
  { name: "diff", path: "/frameworks/CBIC/diff?from=1&to=draft", as: "reviewer" },
  { name: "review-queue", path: "/review", as: "reviewer" },
  { name: "version-profiles", path: "/frameworks/CBIC/versions/1/positions", as: "reviewer" },
  { name: "cbc-dashboard", path: "/cbc", as: "reviewer" },
  { name: "compare", path: "/compare", as: "reviewer" },
  { name: "dictionary-new", path: "/dictionary/new", as: "curator" },
  { name: "dictionary-proposals", path: "/dictionary/proposals", as: "curator" },
  { name: "dictionary-sources", path: "/dictionary/sources", as: "admin" },
  { name: "admin-users", path: "/admin/users", as: "admin" },
  { name: "admin-mdos", path: "/admin/mdos?q=ministry", as: "admin" },
  { name: "admin-tokens", path: "/admin/tokens", as: "admin" },
  { name: "admin-audit", path: "/admin/audit", as: "admin" },
];
