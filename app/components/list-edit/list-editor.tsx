/**
 * Editing a framework as nested lists, without the canvas: every edit of the graph editor
 * (add a node of each kind, rename, add a requirement with its level, change a level, remove)
 * from buttons and small forms that work by keyboard and screen reader. Each form sends one
 * change set through the editor's save action; the outcome is announced in a live region.
 */
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { linkKindFor, type FrameworkNodeKind, type LinkKind } from "@schemas/enums";
import type { EditOp } from "@schemas/edit-ops";
import type { FracNode } from "@schemas/frac-document";
import { expandOutline, type OutlineData, type OutlineResource, type Requirement } from "~/components/outline/outline-model";
import { BilingualName } from "~/components/bilingual-name";
import { ConfirmRemove, NameForm, RequirementForm, SetLevelForm, type Competency } from "./forms";
import { useListSave } from "./use-list-save";
import { ReuseSuggestions, useReuseSentence } from "~/components/reuse/reuse-suggestions";
import { ReusedFrom } from "~/components/reuse/reused-from";
import { planReuse, type ReuseSource } from "@schemas/reuse";
import { levelName } from "~/i18n/level-name";

type Props = { code: string; revision: number; outline: OutlineData; loose: FracNode[]; competencies: Competency[] };
type Child = "role" | "activity" | "knowledge_resource";
type Open =
  | { kind: "add"; parent: FracNode | null; child: FrameworkNodeKind }
  | { kind: "rename"; node: FracNode; parentId: string | null }
  | { kind: "remove"; node: FracNode; parentId: string | null }
  | { kind: "require"; parent: FracNode; taken: Set<string> }
  | { kind: "level"; req: Requirement; parentId: string }
  | { kind: "unrequire"; req: Requirement; parentId: string };

// The one link kind that joins a parent to each child it may have (LINK_RULES decides which).
const linkToChild = (parent: FracNode["kind"], child: Child): LinkKind | null => linkKindFor(parent, child);
const keyOf = (o: Open) =>
  o.kind === "add" ? `add-${o.parent?.id ?? "top"}-${o.child}` : o.kind === "level" || o.kind === "unrequire" ? `${o.kind}-${o.req.linkId}` : `${o.kind}-${"node" in o ? o.node.id : o.parent.id}`;

/** The list editor; `revision` is the draft revision every save is based on. */
export function ListEditor({ code, revision, outline: data, loose, competencies }: Props) {
  const { t } = useTranslation("a11y");
  const outline = useMemo(() => expandOutline(data), [data]);
  const reuseSentence = useReuseSentence();
  const lower = (kind: FracNode["kind"]) => t(`kind.${kind}`);
  const { save, busy, outcome } = useListSave(code, revision, t("list.reload"));
  // One click: the copy's change ops (fresh ids, derivedFrom on each node) in one save.
  const reuseUnder = (parent: FracNode, source: ReuseSource, name: string) => {
    const { ops } = planReuse(source, parent, () => crypto.randomUUID());
    run(ops, reuseSentence(source, name), parent.id);
  };
  const [open, setOpen] = useState<Open | null>(null);
  const [focusAfter, setFocusAfter] = useState<string | null>(null);

  useEffect(() => {
    if (!outcome?.ok) return;
    setOpen(null);
    const target = focusAfter ? document.getElementById(`row-${focusAfter}`) : null;
    (target ?? document.getElementById("list-add-position"))?.focus();
  }, [outcome]); // eslint-disable-line react-hooks/exhaustive-deps -- focus once per outcome

  const levelText = (r: Requirement) => {
    const level = r.competency.scale.levels.find((l) => l.level === r.level);
    return level ? t("list.levelNamed", { level: r.level, name: levelName(t, level.name) }) : t("list.level", { level: r.level });
  };
  const run = (ops: EditOp[], sentence: string, focusId: string | null) => {
    setFocusAfter(focusId);
    save(ops, sentence);
  };
  const close = () => setOpen(null);

  const form = (o: Open) => {
    if (!open || keyOf(open) !== keyOf(o)) return null;
    const common = { busy, onCancel: close };
    switch (open.kind) {
      case "add": {
        const { parent, child } = open;
        const what = lower(child);
        return (
          <NameForm
            {...common}
            legend={parent ? t("list.legendNewOf", { kind: what, parentKind: lower(parent.kind), parent: parent.name }) : t("list.legendNew", { kind: what })}
            submitLabel={t("list.addKind", { kind: what })}
            extra={
              parent && (child === "role" || child === "activity")
                ? (name) => <ReuseSuggestions kind={child} query={name} mdo={code} busy={busy} onReuse={(source, s) => reuseUnder(parent, source, s.name)} />
                : undefined
            }
            onSave={(fields) => {
              const id = crypto.randomUUID();
              const ops: EditOp[] = [{ op: "node.create", id, kind: child, fields }];
              if (parent) {
                const linkKind = linkToChild(parent.kind, child as Child);
                if (linkKind) ops.push({ op: "link.create", id: crypto.randomUUID(), kind: linkKind, from: parent.id, to: id });
              }
              const sentence = parent ? t("list.addedTo", { kind: what, name: fields.name, parent: parent.name }) : t("list.added", { kind: what, name: fields.name });
              run(ops, sentence, parent ? parent.id : id);
            }}
          />
        );
      }
      case "rename":
        return (
          <NameForm
            {...common}
            legend={t("list.legendRename", { kind: lower(open.node.kind), name: open.node.name })}
            submitLabel={t("list.saveName")}
            initial={{ name: open.node.name, nameHi: open.node.nameHi, description: open.node.description, descriptionHi: open.node.descriptionHi }}
            onSave={(fields) => run([{ op: "node.update", id: open.node.id, fields }], t("list.renamed", { name: fields.name }), open.node.id)}
          />
        );
      case "remove":
        return (
          <ConfirmRemove
            {...common}
            question={t("list.legendRemove", { kind: lower(open.node.kind), name: open.node.name })}
            detail={t("list.removeDetail")}
            onConfirm={() => run([{ op: "node.delete", id: open.node.id }], t("list.removed", { kind: lower(open.node.kind), name: open.node.name }), open.parentId)}
          />
        );
      case "require":
        return (
          <RequirementForm
            {...common}
            legend={t("list.legendRequire", { kind: lower(open.parent.kind), name: open.parent.name })}
            competencies={competencies}
            taken={open.taken}
            onSave={(c, level) =>
              run(
                [{ op: "link.create", id: crypto.randomUUID(), kind: open.parent.kind === "role" ? "role_competency" : "activity_competency", from: open.parent.id, to: c.id, level }],
                t("list.required", { parent: open.parent.name, competency: c.name, level }),
                open.parent.id,
              )
            }
          />
        );
      case "level":
        return (
          <SetLevelForm
            {...common}
            legend={t("list.legendLevel", { name: open.req.competency.name })}
            scale={open.req.competency.scale}
            current={open.req.level}
            onSave={(level) => run([{ op: "link.update", id: open.req.linkId, level }], t("list.levelSet", { competency: open.req.competency.name, level }), open.parentId)}
          />
        );
      case "unrequire":
        return (
          <ConfirmRemove
            {...common}
            question={t("list.legendUnrequire", { name: open.req.competency.name })}
            detail={t("list.unrequireDetail")}
            onConfirm={() => run([{ op: "link.delete", id: open.req.linkId }], t("list.unrequired", { competency: open.req.competency.name }), open.parentId)}
          />
        );
    }
  };

  const nodeRow = (node: FracNode, parentId: string | null, adds: Child[], requires?: Requirement[]) => (
    <div className="list-row">
      <span id={`row-${node.id}`} tabIndex={-1} className="list-name">
        <span className={`kind kind-${node.kind === "knowledge_resource" ? "resource" : node.kind}`}>{t(`kindLabel.${node.kind}`)}</span> <BilingualName name={node.name} nameHi={node.nameHi} />
        <ReusedFrom node={node} />
      </span>
      <span className="list-actions">
        <Action label={t("list.rename")} kind={lower(node.kind)} node={node} onClick={() => setOpen({ kind: "rename", node, parentId })} />
        {adds.map((child) => (
          <Action key={child} label={t(ADD_LABEL[child])} kind={lower(node.kind)} node={node} onClick={() => setOpen({ kind: "add", parent: node, child })} />
        ))}
        {requires ? (
          <Action label={t("list.addRequirement")} kind={lower(node.kind)} node={node} onClick={() => setOpen({ kind: "require", parent: node, taken: new Set(requires.map((r) => r.competency.id)) })} />
        ) : null}
        <Action label={t("list.remove")} danger kind={lower(node.kind)} node={node} onClick={() => setOpen({ kind: "remove", node, parentId })} />
      </span>
    </div>
  );
  const forms = (node: FracNode, parentId: string | null, adds: Child[], requires: boolean) => (
    <>
      {form({ kind: "rename", node, parentId })}
      {form({ kind: "remove", node, parentId })}
      {adds.map((child) => <div key={child}>{form({ kind: "add", parent: node, child })}</div>)}
      {requires ? form({ kind: "require", parent: node, taken: new Set() }) : null}
    </>
  );
  const requirementList = (items: Requirement[], parent: FracNode) =>
    items.length === 0 ? null : (
      <ul className="list-requirements" aria-label={t("list.requirementsOf", { name: parent.name })}>
        {items.map((r) => (
          <li key={r.linkId}>
            <div className="list-row">
              <span className="list-name">
                <span className="kind kind-competency">{t("list.requirement")}</span> {r.competency.name} <span className="level">{levelText(r)}</span>
              </span>
              <span className="list-actions">
                <button type="button" className="small-button button" aria-label={t("list.changeLevelLabel", { competency: r.competency.name, parent: parent.name })} onClick={() => setOpen({ kind: "level", req: r, parentId: parent.id })}>
                  {t("list.changeLevel")}
                </button>
                <button type="button" className="small-button button danger" aria-label={t("list.removeRequirementLabel", { competency: r.competency.name, parent: parent.name })} onClick={() => setOpen({ kind: "unrequire", req: r, parentId: parent.id })}>
                  {t("list.remove")}
                </button>
              </span>
            </div>
            {form({ kind: "level", req: r, parentId: parent.id })}
            {form({ kind: "unrequire", req: r, parentId: parent.id })}
          </li>
        ))}
      </ul>
    );
  const resourceList = (items: OutlineResource[], parent: FracNode) =>
    items.length === 0 ? null : (
      <ul className="list-resources" aria-label={t("list.resourcesOf", { name: parent.name })}>
        {items.map((r) => (
          <li key={r.linkId}>
            {nodeRow(r.node, parent.id, [])}
            {forms(r.node, parent.id, [], false)}
          </li>
        ))}
      </ul>
    );

  return (
    <div className="list-editor">
      <div className="list-live" aria-live="polite" role="status">
        {outcome?.ok ? <p className="form-success" key={outcome.seq}>{outcome.message}</p> : null}
      </div>
      <div aria-live="assertive" role="alert">
        {outcome && !outcome.ok ? <p className="form-error" key={outcome.seq}>{t("list.nothingSaved", { message: outcome.message })}</p> : null}
      </div>
      <p>
        <button type="button" id="list-add-position" className="button primary" onClick={() => setOpen({ kind: "add", parent: null, child: "position" })}>
          {t("list.addPosition")}
        </button>
      </p>
      {form({ kind: "add", parent: null, child: "position" })}
      {outline.positions.length === 0 ? <p className="empty">{t("list.noPositions")}</p> : null}
      <ul className="list-tree" aria-label={t("list.positions")}>
        {outline.positions.map((p) => (
          <li key={p.node.id} className="list-position">
            {nodeRow(p.node, null, ["role", "knowledge_resource"])}
            {forms(p.node, null, ["role", "knowledge_resource"], false)}
            {resourceList(p.resources, p.node)}
            {p.roles.length ? (
              <ul aria-label={t("list.rolesOf", { name: p.node.name })}>
                {p.roles.map((r) => (
                  <li key={r.linkId} className="list-role">
                    {nodeRow(r.node, p.node.id, ["activity"], r.requirements)}
                    {forms(r.node, p.node.id, ["activity"], true)}
                    {requirementList(r.requirements, r.node)}
                    {r.activities.length ? (
                      <ul aria-label={t("list.activitiesOf", { name: r.node.name })}>
                        {r.activities.map((a) => (
                          <li key={a.linkId} className="list-activity">
                            {nodeRow(a.node, r.node.id, ["knowledge_resource"], a.requirements)}
                            {forms(a.node, r.node.id, ["knowledge_resource"], true)}
                            {requirementList(a.requirements, a.node)}
                            {resourceList(a.resources, a.node)}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {loose.length ? (
        <section aria-labelledby="list-loose">
          <h2 id="list-loose">{t("list.loose")}</h2>
          <ul className="list-tree">
            {loose.map((n) => (
              <li key={n.id}>
                {nodeRow(n, null, [])}
                {forms(n, null, [], false)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}


const ADD_LABEL = { role: "list.addRole", activity: "list.addActivity", knowledge_resource: "list.addResource" } as const;

type ActionProps = { label: string; kind: string; node: FracNode; danger?: boolean; onClick: () => void };
function Action({ label, kind, node, danger, onClick }: ActionProps) {
  const { t } = useTranslation("a11y");
  return (
    <button type="button" className={`small-button button${danger ? " danger" : ""}`} aria-label={t("list.actionLabel", { action: label, kind, name: node.name })} onClick={onClick}>
      {label}
    </button>
  );
}
