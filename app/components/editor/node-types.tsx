/**
 * The node registry: one React Flow node type per FRAC kind, all memoised, `nodeTypes` at
 * module scope so React Flow never sees a new object (its error002).
 */
import { Handle, Position, type Node, type NodeProps, type NodeTypes } from "@xyflow/react";
import { memo } from "react";
import type { NodeKind } from "@schemas/enums";
import { useTranslation } from "react-i18next";
import type { EditorNode } from "./types";

export type FracNodeData = {
  /** The node itself, as the store holds it (never a copy of some of its fields). */
  node: EditorNode;
  /** "error" | "warning" when the validator has findings on this node. */
  flag?: "error" | "warning";
  childCount: number;
  collapsed: boolean;
  /** Open review comments on this node. */
  comments?: number;
  /** New or changed since the last published version (shown only when asked for). */
  change?: "added" | "changed";
  onToggle?: (id: string) => void;
};

export type FracFlowNode = Node<FracNodeData, NodeKind>;

function FracNodeView({ id, data, selected }: NodeProps<FracFlowNode>) {
  const { node } = data;
  const { t } = useTranslation("editor");
  const competencyType = node.kind === "competency" ? node.competencyType : null;
  const kindLabel = competencyType ? t("panel.typedCompetency", { type: t(`common:competencyType.${competencyType}`) }) : t(`common:kind.${node.kind}`);
  const hasTarget = node.kind !== "position";
  const hasSource = node.kind !== "competency" && node.kind !== "knowledge_resource";
  return (
    <div
      className={[
        "fnode",
        `fnode-${node.kind}`,
        competencyType ? `fnode-${competencyType.toLowerCase()}` : "",
        selected ? "is-selected" : "",
        data.flag ? `has-${data.flag}` : "",
        data.change ? `is-${data.change}` : "",
      ].join(" ")}
    >
      {hasTarget ? <Handle type="target" position={Position.Left} /> : null}
      <div className="fnode-kind">
        <span>
          {kindLabel}
          {data.change ? <span className={`fnode-change fnode-change-${data.change}`}>{data.change === "added" ? t("node.new") : t("node.changed")}</span> : null}
          {data.comments ? (
            <span className="fnode-comments" role="img" aria-label={t("node.comments", { count: data.comments })}>
              💬{data.comments}
            </span>
          ) : null}
        </span>
        {data.flag ? (
          <span className={`fnode-flag fnode-flag-${data.flag}`} role="img" aria-label={data.flag === "error" ? t("node.hasErrors") : t("node.hasWarnings")}>
            {data.flag === "error" ? "●" : "▲"}
          </span>
        ) : null}
      </div>
      <div className="fnode-name" title={node.name}>
        {node.name}
      </div>
      {node.nameHi ? (
        <div className="fnode-hi" lang="hi">
          {node.nameHi}
        </div>
      ) : null}
      {data.childCount > 0 && data.onToggle ? (
        <button
          type="button"
          className="fnode-toggle nodrag"
          aria-label={data.collapsed ? t("node.expand", { name: node.name, count: data.childCount }) : t("node.collapse", { name: node.name })}
          onClick={(e) => {
            e.stopPropagation();
            data.onToggle?.(id);
          }}
        >
          {data.collapsed ? `+${data.childCount}` : "−"}
        </button>
      ) : null}
      {hasSource ? <Handle type="source" position={Position.Right} /> : null}
    </div>
  );
}

const View = memo(FracNodeView);

export const nodeTypes: NodeTypes = {
  position: View,
  role: View,
  activity: View,
  competency: View,
  knowledge_resource: View,
};
