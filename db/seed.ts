/**
 * Seeding. Reference data (KCM dictionary, the default scale, iGOT's MDO and designation lists)
 * is seeded on every install; demo accounts and frameworks only when asked (FRAC_DEMO).
 * Every id is derived from a name, and every insert ignores rows already there, so seeding twice
 * changes nothing.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { MembershipRole } from "../schemas/roles";
import type { Client } from "./client";
import { domainCompetencyId, kcmId, mdoId, stableId, userId } from "./ids";
import { hashPassword } from "./password";
import * as t from "./schema";
import { loadDemoFramework, loadDesignations, loadKcm, loadLevelDescriptors, loadMdoNames } from "./seed-files";
import { buildDemoFramework } from "./seed-demo-framework";
import { defaultScaleIdFor, defaultScaleRows } from "./seed-scales";

const DEFAULT_SCALE_ID_5 = defaultScaleIdFor(5);

export const KCM_SOURCE = "Karmayogi Competency Model (KB-iGOT/cbp-ai-service, withidentifier_competencies.json)";

export type SeedReport = Record<string, number>;

/** Seeds the reference data every install needs; returns how many rows were new per table. */
export function seedReference({ db }: Client): SeedReport {
  const kcm = loadKcm();
  const levels = loadLevelDescriptors();
  const designationList = loadDesignations();
  const mdoNames = loadMdoNames();
  const report: SeedReport = { scales: 0, competencies: 0, mdos: 0, designations: 0 };

  db.transaction((tx) => {
    for (const row of defaultScaleRows(levels)) {
      report.scales += tx.insert(t.scales).values(row).onConflictDoNothing().run().changes;
    }

    let order = 0;
    for (const type of kcm.types) {
      for (const theme of type.themes) {
        const themeId = kcmId(type.name, theme.name);
        report.competencies += tx
          .insert(t.competencies)
          .values({
            id: themeId,
            type: type.name,
            name: theme.name,
            description: theme.description,
            scaleId: DEFAULT_SCALE_ID_5,
            source: KCM_SOURCE,
            sortOrder: order++,
          })
          .onConflictDoNothing()
          .run().changes;
        for (const sub of theme.subThemes) {
          report.competencies += tx
            .insert(t.competencies)
            .values({
              id: kcmId(type.name, theme.name, sub.name),
              code: sub.id,
              type: type.name,
              name: sub.name,
              description: sub.description,
              parentId: themeId,
              scaleId: DEFAULT_SCALE_ID_5,
              source: KCM_SOURCE,
              sortOrder: order++,
            })
            .onConflictDoNothing()
            .run().changes;
        }
      }
    }

    for (const name of mdoNames) {
      report.mdos += tx.insert(t.mdos).values({ id: mdoId(name), name }).onConflictDoNothing().run().changes;
    }
    for (const d of designationList) {
      report.designations += tx
        .insert(t.designations)
        .values({ id: d.id, name: d.name })
        .onConflictDoNothing()
        .run().changes;
    }
    tx.insert(t.meta)
      .values({ key: "seed.reference", value: new Date().toISOString() })
      .onConflictDoNothing()
      .run();
  });
  return report;
}

export const DEMO_PASSWORD = "karmayogi-demo";

/** The demo MDOs: [code, name as in iGOT's list, parent code]. */
export const DEMO_MDOS = [
  ["MOF", "Ministry of Finance", null],
  ["DOR", "Department of Revenue", "MOF"],
  ["CBIC", "Central Board of Indirect Taxes and Customs (CBIC)", "DOR"],
  ["MOHFW", "Ministry of Health and Family Welfare", null],
] as const;

export const DEMO_USERS: { email: string; name: string; role: MembershipRole; mdo?: string }[] = [
  { email: "author@frac.test", name: "Asha Rao (CBIC HR cell)", role: "author", mdo: "CBIC" },
  { email: "viewer@frac.test", name: "Vikram Nair (CBIC)", role: "viewer", mdo: "CBIC" },
  { email: "other-author@frac.test", name: "Meera Iyer (MoHFW HR cell)", role: "author", mdo: "MOHFW" },
  { email: "reviewer@frac.test", name: "Ravi Kumar (CBC technical review)", role: "reviewer" },
  { email: "board@frac.test", name: "Bina Das (CBC review board)", role: "board" },
  { email: "curator@frac.test", name: "Chitra Sen (CBC dictionary)", role: "curator" },
  { email: "admin@frac.test", name: "Arjun Mehta (CBC admin)", role: "admin" },
];

const DEMO_FRAMEWORK_FILES = ["demo-cbic.json", "demo-mohfw.json"];

/** Demo seeding refused: the database has real accounts, so demo accounts must not be added to it. */
export class DemoRefusedError extends Error {}

/** Why the demo must not be seeded into this database, or null: it has users of its own and was never a demo database. */
export function demoRefusal({ db }: Client): string | null {
  const real = db.select({ email: t.users.email }).from(t.users).where(eq(t.users.isDemo, false)).limit(1).get();
  const wasDemo = db.select().from(t.meta).where(eq(t.meta.key, "seed.demo")).get();
  if (!real || wasDemo) return null;
  return (
    `this database has real accounts (such as ${real.email}), so demo accounts with a published password will not be added to it. ` +
    "Unset FRAC_DEMO (and leave out --demo) for this database, or point DATABASE_URL at a new file for a demo."
  );
}

/**
 * Seeds demo MDOs, accounts and frameworks into a database with no real accounts (else throws
 * DemoRefusedError, writing nothing). Rows it did not create are left as they are: an organisation
 * that already has a code or is active, a framework that already has content.
 */
export async function seedDemo(client: Client): Promise<SeedReport> {
  const refusal = demoRefusal(client);
  if (refusal) throw new DemoRefusedError(refusal);
  const { db } = client;
  const hashed = await hashPassword(DEMO_PASSWORD);
  const frameworks = DEMO_FRAMEWORK_FILES.map(loadDemoFramework);
  const report: SeedReport = { users: 0, memberships: 0, frameworks: 0, nodes: 0, links: 0 };

  db.transaction((tx) => {
    for (const [code, name, parent] of DEMO_MDOS) {
      const parentId = parent ? mdoId(DEMO_MDOS.find((m) => m[0] === parent)![1]) : null;
      tx.insert(t.mdos).values({ id: mdoId(name), name }).onConflictDoNothing().run();
      const codeTaken = tx.select({ id: t.mdos.id }).from(t.mdos).where(eq(t.mdos.code, code)).get();
      // why: an organisation someone already activated (or whose code is in use) keeps its own code and parent.
      if (!codeTaken) {
        tx.update(t.mdos)
          .set({ code, parentId, active: true })
          .where(and(eq(t.mdos.id, mdoId(name)), isNull(t.mdos.code), eq(t.mdos.active, false)))
          .run();
      }
      tx.insert(t.frameworks).values({ id: stableId(`framework:${code}`), mdoId: mdoId(name) }).onConflictDoNothing().run();
    }
    for (const u of DEMO_USERS) {
      report.users += tx
        .insert(t.users)
        .values({ id: userId(u.email), email: u.email, name: u.name, passwordHash: hashed, isDemo: true })
        .onConflictDoNothing()
        .run().changes;
      const mdo = u.mdo ? DEMO_MDOS.find((m) => m[0] === u.mdo)! : null;
      report.memberships += tx
        .insert(t.memberships)
        .values({
          id: stableId(`membership:${u.email}/${u.role}/${u.mdo ?? ""}`),
          userId: userId(u.email),
          role: u.role,
          mdoId: mdo ? mdoId(mdo[1]) : null,
        })
        .onConflictDoNothing()
        .run().changes;
    }
    for (const file of frameworks) {
      const mdo = DEMO_MDOS.find((m) => m[0] === file.mdo);
      if (!mdo) throw new Error(`demo framework names unknown MDO ${file.mdo}`);
      const frameworkId = stableId(`framework:${file.mdo}`);
      const ours = tx.select({ id: t.frameworks.id }).from(t.frameworks).where(eq(t.frameworks.id, frameworkId)).get();
      const existing = tx.select({ id: t.nodes.id }).from(t.nodes).where(eq(t.nodes.frameworkId, frameworkId)).limit(1).all();
      if (!ours || existing.length > 0) continue;
      const built = buildDemoFramework(file, {
        frameworkId,
        mdoId: mdoId(mdo[1]),
        authorId: userId("author@frac.test"),
        competencyIdFor: (ref) => resolveDemoRef(file.mdo, ref),
      });
      for (const c of built.domainCompetencies) tx.insert(t.competencies).values(c).onConflictDoNothing().run();
      for (const n of built.nodes) tx.insert(t.nodes).values(n).run();
      for (const l of built.links) tx.insert(t.links).values(l).run();
      tx.update(t.frameworks).set({ revision: 1 }).where(eq(t.frameworks.id, frameworkId)).run();
      report.frameworks += 1;
      report.nodes += built.nodes.length;
      report.links += built.links.length;
    }
    tx.insert(t.meta).values({ key: "seed.demo", value: new Date().toISOString() }).onConflictDoNothing().run();
  });
  return report;
}

/** Maps a demo file's competency reference (`Functional/Theme[/Sub-theme]` or `Domain/Name`) to its id. */
function resolveDemoRef(mdoCode: string, ref: string): string {
  const [type, ...rest] = ref.split("/");
  if (type === "Domain") return domainCompetencyId(mdoCode, rest.join("/"));
  // why: theme names have no "/", but some KCM sub-theme names do ("File/DAK Management").
  if ((type === "Behavioural" || type === "Functional") && rest.length >= 1) {
    const sub = rest.slice(1).join("/");
    return kcmId(type, rest[0], sub === "" ? undefined : sub);
  }
  throw new Error(`demo framework ${mdoCode}: cannot read competency reference "${ref}"`);
}
