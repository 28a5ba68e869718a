// Reusing a role or activity: the copy (activities, requirements with levels and importance),
// where it came from (derivedFrom), and the refusals (another ministry's draft, unknown sources).
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import type { EditOp } from "@schemas/edit-ops";
import type { FracDocument, FracNode } from "@schemas/frac-document";
import { planReuse } from "@schemas/reuse";
import { toCsvText } from "@export/csv";
import { toJsonText } from "@export/json";
import { applyEditOps } from "~/models/draft-save/save.server";
import { loadDraftDocument } from "~/models/draft/document.server";
import { getLatestVersion } from "~/models/publication/versions.server";
import { loadReuseSource } from "~/models/search/reuse-source.server";
import { loader as reuseLoader } from "~/routes/resources.reuse";
import { handleEditorAction } from "~/routes/frameworks.$code.edit/editor-action.server";
import { ministry, OTHER_AUTHOR, postEditor, saveBody, someNode, AUTHOR } from "../factories/edit-ops";
import { databaseRows } from "../support/db-state";
import { requestAs, thrownResponse } from "../support/request";
import { userId } from "@db/ids";

const otherAuthorId = userId(OTHER_AUTHOR);
const mohfwSave = (ops: EditOp[]) => {
  const m = ministry("MOHFW");
  return applyEditOps({ mdoId: m.mdoId, userId: otherAuthorId, baseRevision: m.revision, ops });
};

/** The CBIC published role with the most requirements under its activities: the richest copy to check. */
function richestPublishedRole(doc: FracDocument): FracNode {
  const count = (id: string): number =>
    doc.links.filter((l) => l.from === id).reduce((n, l) => n + (l.kind === "role_activity" ? 1 + count(l.to) : l.level !== undefined ? 1 : 0), 0);
  return doc.nodes.filter((n) => n.kind === "role").sort((a, b) => count(b.id) - count(a.id))[0]!;
}

/** Requirements under a node as "competency@level/importance", sorted. */
const requirementsOf = (doc: FracDocument, id: string) =>
  doc.links.filter((l) => l.from === id && l.level !== undefined).map((l) => `${l.to}@${l.level}/${l.importance ?? "-"}`).sort();
const activitiesOf = (doc: FracDocument, id: string) =>
  doc.links.filter((l) => l.from === id && l.kind === "role_activity").map((l) => doc.nodes.find((n) => n.id === l.to)!);

describe("reusing a role from another ministry's published framework", () => {
  const cbic = getLatestVersion({ mdoId: ministry("CBIC").mdoId })!;
  const role = richestPublishedRole(cbic.document);

  it("copies the role with its activities and requirements (levels, importance) and keeps derivedFrom on each copy", () => {
    const m = ministry("MOHFW");
    const source = loadReuseSource({ viewerMdoId: m.mdoId, from: { mdo: "CBIC", version: cbic.number }, nodeId: role.id })!;
    expect(source.nodes[0]).toMatchObject({ id: role.id, kind: "role", name: role.name });
    const position = someNode(m.frameworkId, "position");
    const { rootId, ops } = planReuse(source, { id: position.id }, () => crypto.randomUUID());
    const result = mohfwSave(ops);
    expect(result).toMatchObject({ ok: true });

    const draft = loadDraftDocument({ mdoId: m.mdoId })!;
    const copy = draft.nodes.find((n) => n.id === rootId)!;
    expect(copy).toMatchObject({ kind: "role", name: role.name, derivedFrom: { nodeId: role.id, mdo: "CBIC", version: cbic.number } });
    expect(draft.links.some((l) => l.kind === "position_role" && l.from === position.id && l.to === rootId)).toBe(true);

    const sourceActivities = activitiesOf(cbic.document, role.id);
    const copiedActivities = activitiesOf(draft, rootId);
    expect(sourceActivities.length).toBeGreaterThan(0);
    expect(copiedActivities.map((a) => a.name)).toEqual(sourceActivities.map((a) => a.name));
    copiedActivities.forEach((a, i) => {
      expect(a.id).not.toBe(sourceActivities[i]!.id);
      expect(a).toMatchObject({ derivedFrom: { nodeId: sourceActivities[i]!.id, mdo: "CBIC", version: cbic.number } });
    });
    // Every requirement CBIC's version holds comes across at its level and importance, except the skipped Domain ones.
    const skippedIds = new Set(cbic.document.nodes.filter((n) => n.kind === "competency" && source.skipped.some((s) => s.competency === n.name)).map((n) => n.id));
    const keep = (reqs: string[]) => reqs.filter((r) => !skippedIds.has(r.split("@")[0]!));
    expect(requirementsOf(draft, rootId)).toEqual(keep(requirementsOf(cbic.document, role.id)));
    copiedActivities.forEach((a, i) => expect(requirementsOf(draft, a.id)).toEqual(keep(requirementsOf(cbic.document, sourceActivities[i]!.id))));
    expect(requirementsOf(cbic.document, role.id).length + sourceActivities.reduce((n, a) => n + requirementsOf(cbic.document, a.id).length, 0)).toBeGreaterThan(0);

    // The exports of the draft carry it: JSON derivedFrom, the CSV's "Role reused from" column.
    const json = JSON.parse(toJsonText(draft)) as FracDocument;
    expect(json.nodes.find((n) => n.id === rootId)).toMatchObject({ derivedFrom: { nodeId: role.id, mdo: "CBIC", version: cbic.number } });
    const csv = toCsvText(draft);
    expect(csv.split("\n")[0]).toContain("Role reused from");
    expect(csv).toContain(`CBIC/${cbic.number}/${role.id}`);
  });

  it("never copies another ministry's Domain competency, and names what it left out", () => {
    const m = ministry("MOHFW");
    const domain = cbic.document.nodes.find((n) => n.kind === "competency" && n.competencyType === "Domain" && n.mdoCode === "CBIC");
    expect(domain, "the CBIC demo version requires a Domain competency of its own").toBeDefined();
    const holder = cbic.document.links.find((l) => l.to === domain!.id)!;
    const holderNode = cbic.document.nodes.find((n) => n.id === holder.from)!;
    const source = loadReuseSource({ viewerMdoId: m.mdoId, from: { mdo: "CBIC", version: cbic.number }, nodeId: holderNode.id })!;
    expect(source.skipped).toContainEqual({ competency: domain!.name, reason: "foreign-domain" });
    expect(source.links.some((l) => l.to === domain!.id)).toBe(false);
  });

  it("reuses from the ministry's own draft with version null", () => {
    const m = ministry("MOHFW");
    const own = someNode(m.frameworkId, "activity");
    const source = loadReuseSource({ viewerMdoId: m.mdoId, from: { mdo: "MOHFW", version: null }, nodeId: own.id })!;
    const role = someNode(m.frameworkId, "role");
    const { rootId, ops } = planReuse(source, { id: role.id }, () => crypto.randomUUID());
    expect(mohfwSave(ops)).toMatchObject({ ok: true });
    const copy = loadDraftDocument({ mdoId: m.mdoId })!.nodes.find((n) => n.id === rootId);
    expect(copy).toMatchObject({ kind: "activity", name: own.name, derivedFrom: { nodeId: own.id, mdo: "MOHFW", version: null } });
  });
});

describe("what cannot be reused", () => {
  it("refuses a derivedFrom naming another ministry's draft node: 404, nothing written, the same sentence whether or not it exists", async () => {
    const cbicDraftRole = someNode(ministry("CBIC").frameworkId, "role");
    const before = databaseRows();
    const real = mohfwSave([{ op: "node.create", id: crypto.randomUUID(), kind: "role", fields: { name: "Copied" }, derivedFrom: { nodeId: cbicDraftRole.id, mdo: "CBIC", version: null } }]);
    const made = mohfwSave([{ op: "node.create", id: crypto.randomUUID(), kind: "role", fields: { name: "Copied" }, derivedFrom: { nodeId: crypto.randomUUID(), mdo: "CBIC", version: null } }]);
    expect(real).toMatchObject({ ok: false, status: 404 });
    expect(made).toMatchObject({ ok: false, status: 404 });
    expect(real.ok === false && real.message).toBe(made.ok === false && made.message);
    expect(databaseRows()).toEqual(before);

    // The same through the HTTP save action and the source route.
    const m = ministry("MOHFW");
    const body = saveBody(m.revision, [{ op: "node.create", id: crypto.randomUUID(), kind: "role", fields: { name: "Copied" }, derivedFrom: { nodeId: cbicDraftRole.id, mdo: "CBIC", version: null } }]);
    const res = await handleEditorAction(await postEditor(OTHER_AUTHOR, "MOHFW", body), "MOHFW");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { message: string }).message).toMatch(/another ministry's draft/u);
    const route = await thrownResponse(async () =>
      reuseLoader({ request: await requestAs(OTHER_AUTHOR, `/resources/reuse?mdo=MOHFW&from=CBIC&version=draft&node=${cbicDraftRole.id}`), params: {}, context: {} }),
    );
    expect(route.status).toBe(404);
    expect(databaseRows()).toEqual(before);
  });

  it("refuses unknown versions, nodes of another kind and reuse onto positions, with nothing written", () => {
    const cbic = getLatestVersion({ mdoId: ministry("CBIC").mdoId })!;
    const activity = cbic.document.nodes.find((n) => n.kind === "activity")!;
    const before = databaseRows();
    const cases: [EditOp, RegExp][] = [
      [{ op: "node.create", id: crypto.randomUUID(), kind: "role", fields: { name: "X" }, derivedFrom: { nodeId: activity.id, mdo: "CBIC", version: 99 } }, /no published version 99/u],
      [{ op: "node.create", id: crypto.randomUUID(), kind: "role", fields: { name: "X" }, derivedFrom: { nodeId: activity.id, mdo: "CBIC", version: cbic.number } }, /has no role with id/u],
      [{ op: "node.create", id: crypto.randomUUID(), kind: "position", fields: { name: "X" }, derivedFrom: { nodeId: activity.id, mdo: "CBIC", version: cbic.number } }, /Only roles and activities can be reused/u],
    ];
    for (const [op, message] of cases) {
      const r = mohfwSave([op]);
      expect(r.ok).toBe(false);
      expect(r.ok === false && r.message).toMatch(message);
    }
    expect(databaseRows()).toEqual(before);
  });

  it("answers the source route's bad parameters with 400 and a viewer of another ministry with 404", async () => {
    for (const [query, message] of [
      ["from=CBIC&version=1&node=x", /mdo/u],
      ["mdo=MOHFW&from=CBIC&version=first&node=00000000-0000-4000-8000-000000000000", /version must be/u],
      ["mdo=MOHFW&from=CBIC&version=1&node=abc", /UUID/u],
    ] as const) {
      const res = await thrownResponse(async () => reuseLoader({ request: await requestAs(OTHER_AUTHOR, `/resources/reuse?${query}`), params: {}, context: {} }));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(message);
    }
    // CBIC's author asking to copy into MOHFW's draft: that draft does not exist for them.
    const role = someNode(ministry("CBIC").frameworkId, "role");
    const foreign = await thrownResponse(async () => reuseLoader({ request: await requestAs(AUTHOR, `/resources/reuse?mdo=MOHFW&from=CBIC&version=1&node=${role.id}`), params: {}, context: {} }));
    expect(foreign.status).toBe(404);
  });
});
