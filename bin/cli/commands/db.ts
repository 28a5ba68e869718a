/** `frac db:migrate` and `frac db:seed`. */
import { complain, EXIT, parse, type Command } from "../args";

export const dbMigrate: Command = {
  name: "db:migrate",
  summary: "Create the database file if needed and apply pending migrations.",
  usage: "frac db:migrate",
  help: "Migrations are committed in db/migrations and also applied whenever the app or the CLI opens the database.",
  async run(argv) {
    parse(argv, {});
    const { getClient } = await import("@db/client");
    const { sqlite, file } = getClient();
    const applied = sqlite.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number };
    process.stdout.write(`Database ${file} is up to date (${applied.n} migrations applied).\n`);
    return EXIT.ok;
  },
};

export const dbSeed: Command = {
  name: "db:seed",
  summary: "Seed reference data (KCM dictionary, scales, MDOs, designations); with --demo or FRAC_DEMO=1 also demo data.",
  usage: "frac db:seed [--demo] [--json]",
  help: [
    "Options:",
    "  --demo   also seed the demo ministries, accounts and frameworks (same as FRAC_DEMO=1)",
    "  --json   print what was added as JSON",
    "",
    "Seeding is idempotent: rows that already exist are left as they are.",
    "Demo data goes only into a database without real accounts (or one the demo created);",
    "for any other the command writes nothing and exits 1.",
  ].join("\n"),
  async run(argv) {
    const { values } = parse(argv, { demo: { type: "boolean" }, json: { type: "boolean" } });
    const [{ getClient }, { demoRefusal, seedDemo, seedReference }, { seedDemoHistory }, { demoRequested }] = await Promise.all([
      import("@db/client"),
      import("@db/seed"),
      import("~/models/demo/history.server"),
      import("~/config.server"),
    ]);
    const client = getClient();
    const demo = values.demo || demoRequested();
    const refusal = demo ? demoRefusal(client) : null;
    if (refusal) {
      complain(`demo data not seeded: ${refusal} Nothing was written.`);
      return EXIT.invalid;
    }
    const reference = seedReference(client);
    const demoReport = demo ? { ...(await seedDemo(client)), versions: seedDemoHistory().published ?? 0 } : null;
    if (values.json) {
      process.stdout.write(JSON.stringify({ reference, demo: demoReport }) + "\n");
    } else {
      const fmt = (r: Record<string, number>) => Object.entries(r).map(([k, n]) => `${n} ${k}`).join(", ");
      process.stdout.write(`Reference data: added ${fmt(reference)}.\n`);
      if (demoReport) process.stdout.write(`Demo data: added ${fmt(demoReport)}.\n`);
    }
    return EXIT.ok;
  },
};
