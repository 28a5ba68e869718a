/**
 * Search figures (`BENCH_ONLY=search`): 50,000 dictionary entries and framework nodes with
 * realistic English and Hindi names, and a few hundred queries a user would type: prefixes,
 * whole names, misspelt words, Hindi words and KCM codes. Times are per query, in process (the
 * model call the results page and the suggestions route make), plus the suggestions route's own
 * work (search and JSON for 8 suggestions).
 */
import crypto from "node:crypto";
import path from "node:path";
import { openClient } from "../../db/client";
import { seedReference } from "../../db/seed";

const VERBS = ["Prepare", "Review", "Consolidate", "Draft", "Monitor", "Appraise", "Examine", "Process", "Coordinate", "Verify", "Audit", "Assess", "Scrutinise", "Approve", "Compile", "Maintain", "Conduct", "Track", "Evaluate", "Settle"];
const OBJECTS = ["demands for grants", "budget estimates", "parliament questions", "cabinet notes", "procurement files", "refund claims", "show cause notices", "state implementation plans", "audit paras", "grievance petitions", "training calendars", "court cases", "service records", "pension cases", "tender documents", "import declarations", "export incentives", "risk profiles", "vigilance complaints", "RTI applications", "utilisation certificates", "programme indicators", "revenue statistics", "inspection reports", "policy drafts"];
const AREAS = ["customs", "GST", "public health", "railways", "agriculture", "education", "defence accounts", "rural development", "telecom", "fisheries", "textiles", "power", "civil aviation", "labour welfare", "statistics"];
const HINDI = ["बजट", "लेखा परीक्षा", "निर्णय", "प्रशिक्षण", "शिकायत", "खरीद", "समीक्षा", "अनुमोदन", "सीमा शुल्क", "स्वास्थ्य", "नीति", "प्रबंधन"];
const SKILLS = ["analysis", "negotiation", "drafting", "leadership", "planning", "valuation", "classification", "investigation", "communication", "stakeholder management", "data management", "risk assessment"];
const CONTEXTS = ["under the relevant rules", "for the division head", "with the state governments", "before the deadline set by the Ministry of Finance", "in the e-office system", "following the standing orders", "for the parliamentary committee", "with inputs from field formations"];
const KINDS = ["position", "role", "activity", "knowledge_resource"] as const;

const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

/** Writes ~50,000 searchable rows (entries, drafts, published nodes); returns the names written. */
export function fill(dbFile: string) {
  const client = openClient(dbFile);
  seedReference(client);
  const { sqlite } = client;
  const scale = (sqlite.prepare("select id from scales limit 1").get() as { id: string }).id;
  const mdoIds = (sqlite.prepare("select id from mdos limit 40").all() as { id: string }[]).map((m) => m.id);
  const names: string[] = [];
  const insertEntry = sqlite.prepare("insert into competencies (id, code, type, name, name_hi, description, mdo_id, scale_id, source) values (?, ?, 'Domain', ?, ?, ?, ?, ?, 'bench')");
  const insertFramework = sqlite.prepare("insert into frameworks (id, mdo_id) values (?, ?)");
  const insertNode = sqlite.prepare("insert into nodes (id, framework_id, kind, name, name_hi, description) values (?, ?, ?, ?, ?, ?)");
  sqlite.transaction(() => {
    for (let i = 0; i < 5_000; i++) {
      const name = `${pick(AREAS, i)} ${pick(SKILLS, i * 7 + (i >> 4))}${i % 3 ? "" : ` ${i}`}`;
      insertEntry.run(crypto.randomUUID(), `DOM-${String(i).padStart(5, "0")}`, name, `${pick(HINDI, i)} ${pick(HINDI, i >> 3)}`, `Knowledge of ${name} as applied in the ministry's work.`, pick(mdoIds, i), scale);
      names.push(name);
    }
    const frameworkIds = mdoIds.map((mdo) => {
      const id = crypto.randomUUID();
      insertFramework.run(id, mdo);
      return id;
    });
    for (let i = 0; i < 45_000; i++) {
      const name = `${pick(VERBS, i)} ${pick(OBJECTS, i * 3 + (i >> 5))} (${pick(AREAS, i >> 2)})`;
      insertNode.run(crypto.randomUUID(), pick(frameworkIds, i), pick(KINDS, i >> 1), name, i % 4 ? null : `${pick(HINDI, i)} ${pick(HINDI, i >> 2)}`, `${pick(VERBS, i >> 3)} ${pick(OBJECTS, i >> 1)} ${pick(CONTEXTS, i * 5)}; ${pick(SKILLS, i)} of ${pick(AREAS, i * 11)} matters.`);
      names.push(name);
    }
  })();
  const rows = (sqlite.prepare("select count(*) as n from search_docs").get() as { n: number }).n;
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  return { names, rows };
}

/** A misspelling of one word: a letter dropped, doubled or swapped with its neighbour. */
function misspell(word: string, i: number): string {
  const at = 1 + (i % Math.max(1, word.length - 2));
  if (i % 3 === 0) return word.slice(0, at) + word.slice(at + 1);
  if (i % 3 === 1) return word.slice(0, at) + word[at] + word.slice(at);
  return word.slice(0, at) + (word[at + 1] ?? "") + word[at] + word.slice(at + 2);
}

function queries(names: string[]): { typing: string[]; all: string[] } {
  const typing: string[] = [];
  const whole: string[] = [];
  for (let i = 0; i < 120; i++) {
    const name = names[(i * 409) % names.length]!.toLowerCase();
    typing.push(name.slice(0, 2 + (i % 9)));
    whole.push(name.split(" ").slice(0, 2).join(" "));
  }
  const typos = Array.from({ length: 80 }, (_, i) => {
    const words = names[(i * 613) % names.length]!.toLowerCase().split(" ").filter((w) => w.length >= 5);
    return words.length ? words.map((w, j) => (j === 0 ? misspell(w, i) : w)).slice(0, 2).join(" ") : "decison making";
  });
  const hindi = HINDI.flatMap((h, i) => [h, h.slice(0, 2 + (i % 3))]);
  const codes = Array.from({ length: 20 }, (_, i) => (i % 2 ? `DOM-0${i}` : `FUN-0${70 + i}`));
  return { typing, all: [...typing, ...whole, ...typos, ...hindi, ...codes] };
}

/** p50/p95 of searchEverything over the query set, and of the suggestions' work while typing. */
export async function searchBench(dir: string): Promise<[string, string, string][]> {
  const dbFile = path.join(dir, "search.db");
  const { names, rows } = fill(dbFile);
  process.env.DATABASE_URL = `file:${dbFile}`;
  const { searchEverything } = await import("../../app/models/search/search.server");
  const { suggestionsFor } = await import("../../app/models/search/suggestions.server");
  // A CBC viewer: every row is visible, so every match is ranked (the slowest case).
  const viewer = { mdoIds: [], allMdos: true };
  const q = queries(names);
  searchEverything({ query: "warm up", viewer }); // loads the vocabulary once, as the first typo of a process would
  const times: number[] = [];
  let found = 0;
  for (const query of q.all) {
    const t0 = performance.now();
    const r = searchEverything({ query, viewer, limit: 20 });
    times.push(performance.now() - t0);
    if (process.env.BENCH_SEARCH_TRACE) console.log((performance.now() - t0).toFixed(1), r.fuzzy ? "~" : " ", r.hits.length, query);
    if (r.hits.length) found++;
  }
  const typing: number[] = [];
  for (const query of q.typing) {
    const t0 = performance.now();
    JSON.stringify(suggestionsFor({ query, viewer }));
    typing.push(performance.now() - t0);
  }
  return [
    [`search: ${q.all.length} queries over ${rows.toLocaleString("en")} entries and nodes, p50`, ms(percentile(times, 50)), `${found} of ${q.all.length} found something`],
    ["search: p95 per query (prefixes, names, typos, Hindi, codes)", ms(percentile(times, 95)), "target < 20 ms"],
    ["search: slowest query", ms(Math.max(...times)), ""],
    [`suggestions while typing: ${q.typing.length} prefixes, p95 at the server`, ms(percentile(typing, 95)), "search + JSON of 8; target < 50 ms"],
  ];
}
