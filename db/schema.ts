/**
 * Drizzle tables: the whole relational model of FRAC Studio.
 * One framework per MDO (its working copy); published versions arrive with the review work.
 */
import { sql } from "drizzle-orm";
import { COMPETENCY_TYPES, FRAMEWORK_NODE_KINDS, IMPORTANCE_LEVELS, LINK_KINDS } from "../schemas/enums";
import { MEMBERSHIP_ROLES } from "../schemas/roles";
import {
  type AnySQLiteColumn,
  primaryKey,
  check,
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** Ministries, departments and organisations; `code` is given when an admin activates one. */
export const mdos = sqliteTable(
  "mdos",
  {
    id: text("id").primaryKey(),
    code: text("code"),
    name: text("name").notNull(),
    parentId: text("parent_id").references((): AnySQLiteColumn => mdos.id),
    active: integer("active", { mode: "boolean" }).notNull().default(false),
    // Its published versions are readable without a token (read API and CASE binding); drafts never are.
    publicRead: integer("public_read", { mode: "boolean" }).notNull().default(false),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("mdos_code_unique").on(t.code), uniqueIndex("mdos_name_unique").on(t.name)],
);

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    // why: demo accounts only sign in while FRAC_DEMO is set, so a production install that kept them is safe.
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
    disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email)],
);

export const memberships = sqliteTable(
  "memberships",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mdoId: text("mdo_id").references(() => mdos.id),
    role: text("role", { enum: MEMBERSHIP_ROLES }).notNull(),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [
    // why: the unique index over (user, role, coalesce(mdo, '')) is an expression index drizzle-kit
    // cannot write; it lives in the hand-written migration 0001.
    index("memberships_mdo").on(t.mdoId),
    check(
      "memberships_scope",
      sql`(${t.role} in ('author','viewer') and ${t.mdoId} is not null) or (${t.role} not in ('author','viewer') and ${t.mdoId} is null)`,
    ),
  ],
);

export const scales = sqliteTable("scales", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** JSON: ProficiencyScale["levels"], checked by the shared zod schema on read and write. */
  levels: text("levels", { mode: "json" }).notNull(),
});

/** The competency dictionary: KCM themes and sub-themes (shared) and ministries' Domain competencies. */
export const competencies = sqliteTable(
  "competencies",
  {
    id: text("id").primaryKey(),
    code: text("code"),
    type: text("type", { enum: COMPETENCY_TYPES }).notNull(),
    name: text("name").notNull(),
    nameHi: text("name_hi"),
    description: text("description").notNull().default(""),
    descriptionHi: text("description_hi"),
    parentId: text("parent_id").references((): AnySQLiteColumn => competencies.id),
    /** Set for a ministry's own Domain competency; null for the shared dictionary. */
    mdoId: text("mdo_id").references(() => mdos.id),
    scaleId: text("scale_id")
      .notNull()
      .references(() => scales.id),
    source: text("source"),
    status: text("status", { enum: ["active", "retired"] }).notNull().default("active"),
    sortOrder: integer("sort_order").notNull().default(0),
    /** JSON: { "1": ["…", …], … } what an official does at each level (schemas/indicators.ts); null: none written. */
    indicators: text("indicators", { mode: "json" }),
    /** Set when a curator merged this entry into another: the old id keeps resolving to the survivor. */
    mergedIntoId: text("merged_into_id").references((): AnySQLiteColumn => competencies.id),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("competencies_code_unique").on(t.code),
    index("competencies_parent").on(t.parentId),
    index("competencies_mdo").on(t.mdoId),
  ],
);

/** States of the working copy; PUBLISHED belongs to versions, never to the working copy. */
export const WORKING_COPY_STATUSES = ["DRAFT", "UNVERIFIED", "VERIFIED", "REJECTED"] as const;

/** The working copy of one ministry's framework. */
export const frameworks = sqliteTable(
  "frameworks",
  {
    id: text("id").primaryKey(),
    mdoId: text("mdo_id")
      .notNull()
      .references(() => mdos.id),
    status: text("status", { enum: WORKING_COPY_STATUSES }).notNull().default("DRAFT"),
    /** Bumped on every saved change; the editor's optimistic-concurrency token. */
    revision: integer("revision").notNull().default(0),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
    updatedBy: text("updated_by").references(() => users.id),
    /** The current review round: who submitted and verified it, and the reason of a rejection. */
    submittedBy: text("submitted_by").references((): AnySQLiteColumn => users.id),
    submittedAt: text("submitted_at"),
    verifiedBy: text("verified_by").references((): AnySQLiteColumn => users.id),
    verifiedAt: text("verified_at"),
    statusReason: text("status_reason"),
  },
  (t) => [uniqueIndex("frameworks_mdo_unique").on(t.mdoId)],
);


/** Positions, roles, activities and knowledge resources of a framework (competencies live in the dictionary). */
export const nodes = sqliteTable(
  "nodes",
  {
    id: text("id").primaryKey(),
    frameworkId: text("framework_id")
      .notNull()
      .references(() => frameworks.id),
    kind: text("kind", { enum: FRAMEWORK_NODE_KINDS }).notNull(),
    name: text("name").notNull(),
    nameHi: text("name_hi"),
    description: text("description").notNull().default(""),
    descriptionHi: text("description_hi"),
    source: text("source"),
    /** Knowledge resources: url and resourceType; other kinds may grow fields here. */
    url: text("url"),
    resourceType: text("resource_type"),
    /** Positions only: how many officials hold this designation; null when not known. */
    sanctionedPosts: integer("sanctioned_posts"),
    /** Roles and activities copied by reuse: the node they came from, its ministry and published version (null: that ministry's draft). */
    derivedFromNodeId: text("derived_from_node_id"),
    derivedFromMdoId: text("derived_from_mdo_id").references((): AnySQLiteColumn => mdos.id),
    derivedFromVersion: integer("derived_from_version"),
    /** Order among siblings of the same kind at the top level (positions); links carry their own order. */
    sortOrder: integer("sort_order").notNull().default(0),
    x: integer("x"),
    y: integer("y"),
    createdBy: text("created_by").references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    index("nodes_framework_kind").on(t.frameworkId, t.kind),
    check(
      "nodes_sanctioned_posts",
      sql`${t.sanctionedPosts} is null or (${t.kind} = 'position' and ${t.sanctionedPosts} between 0 and 10000000)`,
    ),
  ],
);

/** Parent → child links; a link to a competency points at the dictionary and carries the required level. */
export const links = sqliteTable(
  "links",
  {
    id: text("id").primaryKey(),
    frameworkId: text("framework_id")
      .notNull()
      .references(() => frameworks.id),
    kind: text("kind", { enum: LINK_KINDS }).notNull(),
    fromId: text("from_id")
      .notNull()
      .references(() => nodes.id),
    toNodeId: text("to_node_id").references(() => nodes.id),
    toCompetencyId: text("to_competency_id").references(() => competencies.id),
    level: integer("level"),
    /** Requirement links only: essential, important or desirable; null when not rated. */
    importance: text("importance", { enum: IMPORTANCE_LEVELS }),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [
    // why these columns, in this order: a draft's links are read by framework in the order from,
    // order, id (the document, insight), and the index gives them sorted and whole, without a sort
    // or a lookup in the table per link (a 20,000-node draft's 63,000 links: 81 → 37 ms).
    index("links_framework_order").on(t.frameworkId, t.fromId, t.sortOrder, t.id, t.kind, t.level, t.importance, t.toNodeId, t.toCompetencyId),
    index("links_from").on(t.fromId),
    index("links_to_node").on(t.toNodeId),
    index("links_to_competency").on(t.toCompetencyId),
    check(
      "links_target",
      sql`(${t.toNodeId} is null) <> (${t.toCompetencyId} is null)`,
    ),
    check(
      "links_level",
      sql`(${t.kind} in ('activity_competency','role_competency') and ${t.level} between 1 and 5 and ${t.toCompetencyId} is not null)
        or (${t.kind} not in ('activity_competency','role_competency') and ${t.level} is null and ${t.toNodeId} is not null)`,
    ),
    check(
      "links_importance",
      sql`${t.importance} is null or (${t.importance} in ('essential','important','desirable') and ${t.kind} in ('activity_competency','role_competency'))`,
    ),
  ],
);

/** Real iGOT designations, offered as suggestions for position names. */
export const designations = sqliteTable("designations", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
});

/** Append-only record of every change: who, when, what, before and after. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull().default(now),
    userId: text("user_id"),
    mdoId: text("mdo_id"),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    action: text("action").notNull(),
    field: text("field"),
    before: text("before"),
    after: text("after"),
    /** The hash of the row before this one (by id); "" for the first row. See db/audit-chain.ts. */
    prevHash: text("prev_hash"),
    /** sha256 of prev_hash and this row's content: editing or removing any earlier row breaks the chain. */
    hash: text("hash"),
  },
  // why no index on `at` alone: every index costs each of an import's thousands of rows; the whole log pages by id, which grows with `at`.
  (t) => [index("audit_mdo_at").on(t.mdoId, t.at), index("audit_entity").on(t.entityId)],
);

/** Key/value facts about this install (seed version, when it was seeded). */
export const meta = sqliteTable("meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});



/** Where a competency sits on a framework's canvas (framework nodes keep x/y on their own row). */
export const competencyPositions = sqliteTable(
  "competency_positions",
  {
    frameworkId: text("framework_id")
      .notNull()
      .references(() => frameworks.id),
    competencyId: text("competency_id")
      .notNull()
      .references(() => competencies.id),
    x: integer("x").notNull(),
    y: integer("y").notNull(),
  },
  (t) => [primaryKey({ columns: [t.frameworkId, t.competencyId] })],
);

/** Published, immutable versions: a FracDocument snapshot per approval (triggers refuse UPDATE and DELETE). */
export const versions = sqliteTable(
  "versions",
  {
    id: text("id").primaryKey(),
    mdoId: text("mdo_id")
      .notNull()
      .references(() => mdos.id),
    frameworkId: text("framework_id")
      .notNull()
      .references(() => frameworks.id),
    number: integer("number").notNull(),
    /** The FracDocument as published, JSON text exactly as served (its sha256 is the ETag). */
    document: text("document").notNull(),
    sha256: text("sha256").notNull(),
    nodeCount: integer("node_count").notNull(),
    linkCount: integer("link_count").notNull(),
    submittedBy: text("submitted_by").references(() => users.id),
    verifiedBy: text("verified_by").references(() => users.id),
    approvedBy: text("approved_by")
      .notNull()
      .references(() => users.id),
    publishedAt: text("published_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("versions_mdo_number").on(t.mdoId, t.number),
    index("versions_published_at").on(t.publishedAt),
    // why: the columns after `document` sit behind its overflow pages (30 MB for 20,000 nodes); a sha256 look-up reads them here instead.
    index("versions_summary").on(t.mdoId, t.number, t.sha256, t.publishedAt, t.nodeCount, t.linkCount),
  ],
);

/**
 * What the insight pages derive from a published version (competency demand and completeness, as
 * JSON), kept by the version's sha256: a version never changes, so this is computed once, at
 * publication or on its first read. `rules` is the version of the rules that computed it; a row
 * of older rules is computed again (app/models/insight/version-insight.server.ts).
 */
export const versionInsight = sqliteTable("version_insight", {
  sha256: text("sha256").primaryKey(),
  rules: integer("rules").notNull(),
  demand: text("demand").notNull(),
  completeness: text("completeness").notNull(),
});

/**
 * One number that every change to the competency dictionary raises (triggers on `competencies`, in
 * migration 0021, whichever code or tool writes): what is cached from a draft together with the
 * dictionary entries it links to is read again when it moves, as the draft's own revision does for
 * the draft's rows. A rename in the dictionary changes no draft's revision.
 */
export const dictionaryRevision = sqliteTable("dictionary_revision", {
  id: integer("id").primaryKey(),
  revision: integer("revision").notNull().default(0),
});

export const REVIEW_ACTIONS = ["submit", "verify", "reject", "approve"] as const;

/** Every review step of a framework: who moved it from which state to which, and why. Append-only. */
export const reviewEvents = sqliteTable(
  "review_events",
  {
    id: text("id").primaryKey(),
    frameworkId: text("framework_id")
      .notNull()
      .references(() => frameworks.id),
    action: text("action", { enum: REVIEW_ACTIONS }).notNull(),
    fromStatus: text("from_status").notNull(),
    toStatus: text("to_status").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    reason: text("reason"),
    versionNumber: integer("version_number"),
    at: text("at").notNull().default(now),
  },
  (t) => [index("review_events_framework").on(t.frameworkId, t.at)],
);

/** Review comments on a framework, or on one node or link of it; threaded and resolvable. */
export const comments = sqliteTable(
  "comments",
  {
    id: text("id").primaryKey(),
    frameworkId: text("framework_id")
      .notNull()
      .references(() => frameworks.id),
    /** A node, competency or link id of the framework; null for a comment on the whole framework. */
    targetId: text("target_id"),
    targetKind: text("target_kind", { enum: ["framework", "node", "link"] }).notNull().default("framework"),
    parentId: text("parent_id").references((): AnySQLiteColumn => comments.id),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    resolvedAt: text("resolved_at"),
    resolvedBy: text("resolved_by").references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("comments_framework").on(t.frameworkId, t.createdAt), index("comments_target").on(t.targetId)],
);

/** In-app notices (also e-mailed when SMTP_URL is set). */
export const notifications = sqliteTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mdoId: text("mdo_id").references(() => mdos.id),
    kind: text("kind").notNull(),
    message: text("message").notNull(),
    href: text("href"),
    createdAt: text("created_at").notNull().default(now),
    readAt: text("read_at"),
  },
  (t) => [index("notifications_user").on(t.userId, t.createdAt)],
);

/** Read-only API tokens for other systems; only a hash of the token is stored. */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
    lastUsedAt: text("last_used_at"),
    revokedAt: text("revoked_at"),
    /** ISO instant after which the token is refused (401); null: no expiry. */
    expiresAt: text("expires_at"),
    /** The one ministry whose frameworks the token may read; null: every published framework. */
    mdoId: text("mdo_id").references(() => mdos.id),
  },
  (t) => [uniqueIndex("api_tokens_hash").on(t.tokenHash), uniqueIndex("api_tokens_name").on(t.name)],
);

/**
 * Signed-in browser sessions. The cookie holds only a random id; the row is found by that id's
 * sha256, so a copy of the database does not hand out working cookies.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** JSON: the rest of the session's data (Remix session values other than userId). */
    data: text("data").notNull().default("{}"),
    userAgent: text("user_agent"),
    ip: text("ip"),
    createdAt: text("created_at").notNull().default(now),
    lastSeenAt: text("last_seen_at").notNull().default(now),
    /** The absolute limit: no use of the session after this, however active. */
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

export const PROPOSAL_STATUSES = ["open", "accepted", "declined"] as const;

/** An author's proposal of a new Behavioural/Functional dictionary entry, or of a change to one; a curator decides. */
export const dictionaryProposals = sqliteTable(
  "dictionary_proposals",
  {
    id: text("id").primaryKey(),
    /** null: a new entry; otherwise the entry whose change is proposed. */
    competencyId: text("competency_id").references(() => competencies.id),
    type: text("type", { enum: COMPETENCY_TYPES }).notNull(),
    /** The theme a new sub-theme belongs under; null for a new theme. */
    parentId: text("parent_id").references(() => competencies.id),
    name: text("name").notNull(),
    nameHi: text("name_hi"),
    description: text("description").notNull().default(""),
    descriptionHi: text("description_hi"),
    /** Why the author proposes it. */
    rationale: text("rationale").notNull().default(""),
    proposedBy: text("proposed_by")
      .notNull()
      .references(() => users.id),
    status: text("status", { enum: PROPOSAL_STATUSES }).notNull().default("open"),
    decidedBy: text("decided_by").references(() => users.id),
    decidedAt: text("decided_at"),
    decisionReason: text("decision_reason"),
    /** The entry an accepted proposal created or changed. */
    resultId: text("result_id").references(() => competencies.id),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("dictionary_proposals_status").on(t.status, t.createdAt), index("dictionary_proposals_by").on(t.proposedBy)],
);

/**
 * Outside competency frameworks read from CASE packages (one row per CFDocument); the id is the
 * CFDocument's identifier, kept exactly as the package gives it.
 */
export const dictionarySources = sqliteTable("dictionary_sources", {
  id: text("id").primaryKey(),
  title: text("title").notNull(),
  creator: text("creator").notNull().default(""),
  description: text("description").notNull().default(""),
  uri: text("uri"),
  version: text("version"),
  /** "1.1" when the package says so; null for the CASE 1.0 shape (no caseVersion). */
  caseVersion: text("case_version"),
  lastChangeDateTime: text("last_change_date_time"),
  importedBy: text("imported_by").references(() => users.id),
  createdAt: text("created_at").notNull().default(now),
  updatedAt: text("updated_at").notNull().default(now),
});

/** The items of an outside framework; the id is the CFItem's identifier, kept as given. */
export const sourceEntries = sqliteTable(
  "source_entries",
  {
    id: text("id").primaryKey(),
    sourceId: text("source_id")
      .notNull()
      .references(() => dictionarySources.id),
    /** The item it isChildOf in the package (null: directly under the CFDocument). */
    parentId: text("parent_id").references((): AnySQLiteColumn => sourceEntries.id),
    fullStatement: text("full_statement").notNull(),
    abbreviatedStatement: text("abbreviated_statement"),
    humanCodingScheme: text("human_coding_scheme"),
    itemType: text("item_type"),
    language: text("language"),
    notes: text("notes"),
    uri: text("uri"),
    lastChangeDateTime: text("last_change_date_time"),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [index("source_entries_source").on(t.sourceId, t.sortOrder), index("source_entries_parent").on(t.parentId)],
);

export const MAPPING_RELATIONS = ["exactMatch", "broader", "narrower", "related"] as const;

/** A curator's statement that an outside entry relates to a dictionary (KCM) entry: it is an exact match of, broader than, narrower than, or related to it. */
export const dictionaryMappings = sqliteTable(
  "dictionary_mappings",
  {
    id: text("id").primaryKey(),
    sourceEntryId: text("source_entry_id")
      .notNull()
      .references(() => sourceEntries.id),
    competencyId: text("competency_id")
      .notNull()
      .references(() => competencies.id),
    relation: text("relation", { enum: MAPPING_RELATIONS }).notNull(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("dictionary_mappings_pair").on(t.sourceEntryId, t.competencyId), index("dictionary_mappings_competency").on(t.competencyId)],
);

/** A ministry's Annual Capacity Building Plan for one financial year (`year` = its first calendar year: 2026 is FY 2026-27). */
export const acbpPlans = sqliteTable(
  "acbp_plans",
  {
    id: text("id").primaryKey(),
    mdoId: text("mdo_id")
      .notNull()
      .references(() => mdos.id),
    year: integer("year").notNull(),
    /** The published version whose demand the plan's rows are drawn from. */
    sourceVersion: integer("source_version").notNull(),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
    updatedBy: text("updated_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("acbp_plans_mdo_year").on(t.mdoId, t.year),
    check("acbp_plans_year", sql`${t.year} between 2000 and 2100 and ${t.sourceVersion} >= 1`),
  ],
);

/** One competency and level of a plan, as the ministry planned it (rows of the demand it did not touch are not stored). */
export const acbpPlanRows = sqliteTable(
  "acbp_plan_rows",
  {
    planId: text("plan_id")
      .notNull()
      .references(() => acbpPlans.id, { onDelete: "cascade" }),
    // why no foreign key: the row names a competency of the source version's snapshot, which outlives dictionary merges.
    competencyId: text("competency_id").notNull(),
    level: integer("level").notNull(),
    lensNational: integer("lens_national", { mode: "boolean" }).notNull().default(false),
    lensCitizen: integer("lens_citizen", { mode: "boolean" }).notNull().default(false),
    lensTechnology: integer("lens_technology", { mode: "boolean" }).notNull().default(false),
    mode: text("mode", { enum: ["on_the_job", "with_others", "formal_course"] }),
    /** Officials to reach; null means the row's sanctioned posts. */
    officials: integer("officials"),
    quarter: integer("quarter"),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.competencyId, t.level] }),
    check(
      "acbp_plan_rows_values",
      sql`${t.level} between 1 and 5 and (${t.mode} is null or ${t.mode} in ('on_the_job','with_others','formal_course'))
        and (${t.officials} is null or ${t.officials} between 0 and 10000000) and (${t.quarter} is null or ${t.quarter} between 1 and 4)`,
    ),
  ],
);
