/**
 * Builders for editor change sets, and the few database reads the editor-save tests share
 * (which framework, what it holds, and proof that a refused save wrote nothing).
 */
import crypto from "node:crypto";
import { and, count, eq, ne } from "drizzle-orm";
import { expect } from "vitest";
import { getDb } from "@db/client";
import { userId } from "@db/ids";
import { auditLog, competencies, frameworks, links, nodes } from "@db/schema";
import type { EditOp } from "@schemas/edit-ops";
import type { FrameworkNodeKind } from "@schemas/enums";
import type { LinkKind } from "@schemas/enums";
import { getMdoByCode } from "~/models/access/mdos.server";
import { requestAs } from "../support/request";

type Op<O extends EditOp["op"]> = Extract<EditOp, { op: O }>;

/** A node.create with a fresh UUID. */
export function newNode(kind: FrameworkNodeKind, name: string, overrides: Partial<Op<"node.create">> = {}): Op<"node.create"> {
  return { op: "node.create", id: crypto.randomUUID(), kind, fields: { name }, ...overrides };
}

/** A link.create with a fresh UUID; pass `level` for links to competencies. */
export function newLink(kind: LinkKind, from: string, to: string, overrides: Partial<Op<"link.create">> = {}): Op<"link.create"> {
  return { op: "link.create", id: crypto.randomUUID(), kind, from, to, ...overrides };
}

/** A competency.create (a Domain competency of the saving MDO) with a fresh UUID, 5 levels by default. */
export function newCompetency(name: string, overrides: Partial<Op<"competency.create">> = {}): Op<"competency.create"> {
  return { op: "competency.create", id: crypto.randomUUID(), fields: { name }, levels: 5, ...overrides };
}

export const updateNode = (id: string, fields: Op<"node.update">["fields"]): Op<"node.update"> => ({ op: "node.update", id, fields });
export const moveNode = (id: string, x: number, y: number): Op<"node.move"> => ({ op: "node.move", id, x, y });
export const deleteNode = (id: string): Op<"node.delete"> => ({ op: "node.delete", id });
export const updateLink = (id: string, set: Omit<Op<"link.update">, "op" | "id">): Op<"link.update"> => ({ op: "link.update", id, ...set });
export const deleteLink = (id: string): Op<"link.delete"> => ({ op: "link.delete", id });

/** The editor action's body for a save. */
export const saveBody = (baseRevision: number, ops: unknown[]) => ({ intent: "save", baseRevision, ops });

// ---- Reading the test database -------------------------------------------------------------

export const AUTHOR = "author@frac.test";
export const OTHER_AUTHOR = "other-author@frac.test";
export const VIEWER = "viewer@frac.test";
export const authorId = userId(AUTHOR);

/** A demo MDO by code with its framework row (id, revision, status). */
export function ministry(code: "CBIC" | "MOHFW") {
  const mdo = getMdoByCode({ code })!;
  const fw = getDb().select().from(frameworks).where(eq(frameworks.mdoId, mdo.id)).get()!;
  return { mdoId: mdo.id, frameworkId: fw.id, revision: fw.revision, status: fw.status };
}

/** The first seeded node of a kind in a framework. */
export function someNode(frameworkId: string, kind: FrameworkNodeKind) {
  return getDb()
    .select()
    .from(nodes)
    .where(and(eq(nodes.frameworkId, frameworkId), eq(nodes.kind, kind)))
    .orderBy(nodes.sortOrder)
    .get()!;
}

const rows = (table: typeof nodes | typeof links | typeof competencies) =>
  getDb().select({ n: count() }).from(table).get()!.n;

// why not the "access refused" rows: a refusal is recorded on purpose; what must stay untouched is the record of changes.
const changeRows = () => getDb().select({ n: count() }).from(auditLog).where(ne(auditLog.entity, "access")).get()!.n;

/** What a refused save must leave untouched: the CBIC revision, every table's row count and the audit rows of changes. */
export function snapshot() {
  const cbic = ministry("CBIC");
  return { revision: cbic.revision, updatedAt: getDb().select().from(frameworks).where(eq(frameworks.id, cbic.frameworkId)).get()!.updatedAt, nodes: rows(nodes), links: rows(links), competencies: rows(competencies), audit: changeRows() };
}

/** Asserts that nothing was written since `before` was taken. */
export function expectNothingWritten(before: ReturnType<typeof snapshot>) {
  expect(snapshot()).toEqual(before);
}

/** Audit rows about one entity, oldest first. */
export function auditOf(entityId: string) {
  return getDb().select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id).all();
}

/** A signed-in POST to the editor action of `code` with a JSON (or raw string) body. */
export function postEditor(email: string, code: string, body: unknown, headers: Record<string, string> = {}) {
  return requestAs(email, `/frameworks/${code}/edit`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
