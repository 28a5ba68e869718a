/**
 * The canvas by keyboard: each node's accessible name (kind and name), React Flow's keyboard
 * help and announcements in the reader's language, and moving focus between a node and its details.
 */
import type { AriaLabelConfig } from "@xyflow/react";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { EditorNode } from "./types";

/** What a screen reader calls a node, e.g. "Role: Budget preparation", and React Flow's own texts. */
export function useGraphLabels() {
  const { t } = useTranslation("graph");
  const nameOf = useCallback(
    (node: EditorNode) => t("node.name", { kind: t(`node.kind.${node.kind === "competency" ? node.competencyType : node.kind}`), name: node.name }),
    [t],
  );
  const ariaLabelConfig = useMemo((): Partial<AriaLabelConfig> => {
    const help = `${t("keys.help")} ${t("keys.helpLink")}`;
    return {
      // why both: React Flow reads the "keyboardDisabled" text when keyboard moving is on, and the other when it is off.
      "node.a11yDescription.default": help,
      "node.a11yDescription.keyboardDisabled": help,
      "node.a11yDescription.ariaLiveMessage": ({ direction }) => t("keys.moved", { direction: t(`keys.direction.${direction}`) }),
      "edge.a11yDescription.default": t("keys.helpLink"),
      "controls.ariaLabel": t("controls.label"),
      "controls.zoomIn.ariaLabel": t("controls.zoomIn"),
      "controls.zoomOut.ariaLabel": t("controls.zoomOut"),
      "minimap.ariaLabel": t("controls.minimap"),
    };
  }, [t]);
  return { nameOf, ariaLabelConfig };
}

/** Whether a keyboard event came from a node of the canvas itself (not a control inside it). */
export function isNodeElement(target: EventTarget | null): target is HTMLElement {
  return target instanceof HTMLElement && target.classList.contains("react-flow__node");
}

/** The id of the canvas node an event came from, if it came from one. */
export const nodeIdOf = (target: EventTarget | null): string | null => (isNodeElement(target) ? (target.dataset.id ?? null) : null);

/** Moves focus to the details of the selected item, once the panel shows them. */
export function focusPanel(): void {
  // why a frame: the selection reaches the store in this event; the panel renders after it.
  requestAnimationFrame(() => document.querySelector<HTMLElement>(".side-panel h2[tabindex]")?.focus());
}

/** Moves focus to a node on the canvas; false when it is not drawn (hidden under a collapsed parent, or far away on a large graph). */
export function focusNode(id: string): boolean {
  const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
  el?.focus();
  return !!el;
}
