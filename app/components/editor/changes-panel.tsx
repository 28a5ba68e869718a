/** What changed since the last published version: a summary above the canvas and the selected item's details. */
import { Link } from "@remix-run/react";
import { useState } from "react";
import type { FieldChange } from "@schemas/diff";
import { fieldLabel, shownValue } from "../diff/labels";
import type { Changes } from "./use-changes";
import { useTranslation } from "react-i18next";

/** One line: how much changed, a way to visit each change on the canvas, and the full list. */
export function ChangesSummary({ code, changes, onShow }: { code: string; changes: Changes; onShow: (id: string) => void }) {
  const [visited, setVisited] = useState(-1);
  const { t } = useTranslation("editor");
  if (changes.state === "loading") return <p className="changes-summary">{t("changes.loading", { version: changes.version })}</p>;
  if (changes.state === "failed") {
    return (
      <p className="changes-summary changes-failed" role="alert">
        {t("changes.failed", { version: changes.version })} {changes.message}
      </p>
    );
  }
  const s = changes.diff.summary;
  const { nodes, links } = changes.diff;
  // Removed items are not on the canvas; the list has them.
  const visible = [...nodes.added, ...nodes.changed, ...links.added, ...links.changed].map((item) => item.id);
  const next = (visited + 1) % Math.max(visible.length, 1);
  return (
    <p className="changes-summary">
      {s.identical ? (
        <>{t("changes.none", { version: changes.version })}</>
      ) : (
        <>
          {t("changes.since", { version: changes.version })} <span className="chg chg-added">{t("changes.added", { count: s.nodesAdded + s.linksAdded })}</span>,{" "}
          <span className="chg chg-changed">{t("changes.changed", { count: s.nodesChanged + s.linksChanged })}</span>,{" "}
          <span className="chg chg-removed">{t("changes.removed", { count: s.nodesRemoved + s.linksRemoved })}</span> {t("changes.nodesAndLinks")}{" "}
        </>
      )}
      {visible.length ? (
        <button
          type="button"
          className="button small-button"
          onClick={() => {
            setVisited(next);
            onShow(visible[next]);
          }}
        >
          {t("changes.next", { n: next + 1, total: visible.length })}
        </button>
      ) : null}{" "}
      <Link to={`/frameworks/${encodeURIComponent(code)}/diff?from=${changes.version}&to=draft`}>{t("changes.every")}</Link>
    </p>
  );
}

/** For the selected node or link: new since the version, or each changed field before → after. */
export function ChangeDetails({ changes, id }: { changes: Changes | null; id: string }) {
  const { t } = useTranslation("editor");
  if (changes?.state !== "ready") return null;
  const status = changes.statusById.get(id);
  if (!status) return null;
  const fields: FieldChange[] =
    status === "changed" ? (changes.diff.nodes.changed.find((n) => n.id === id) ?? changes.diff.links.changed.find((l) => l.id === id))?.changes ?? [] : [];
  return (
    <section className="change-details" aria-label={t("changes.sinceLabel", { version: changes.version })}>
      <h3>{t(status === "added" ? "changes.newSince" : "changes.changedSince", { version: changes.version })}</h3>
      {fields.length ? (
        <dl>
          {fields.map((f) => (
            <div key={f.field}>
              <dt>{fieldLabel(f.field, t)}</dt>
              <dd>
                <del>{shownValue(f.before)}</del> <span aria-hidden="true">→</span> <ins>{shownValue(f.after)}</ins>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}
