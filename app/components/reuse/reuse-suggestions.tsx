/**
 * Reuse instead of retyping: while an author names a new role or activity, the most similar ones
 * from the ministry's own draft and from every published framework, each with where it comes from
 * and what it requires, and one button that copies it (with its activities and requirements).
 */
import { useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReusableKind, ReuseSource } from "@schemas/reuse";

/** A suggestion as /resources/suggestions sends it. */
export type ReuseSuggestion = {
  nodeId: string;
  kind: ReusableKind;
  name: string;
  description: string;
  from: { mdo: string; mdoName: string; version: number | null };
  activities: string[];
  competencies: { name: string; level: number }[];
};

type Props = {
  kind: ReusableKind;
  /** What the author has typed so far. */
  query: string;
  /** The ministry whose draft receives the copy. */
  mdo: string;
  /** Called with what the chosen suggestion copies; the caller turns it into change ops. */
  onReuse: (source: ReuseSource, suggestion: ReuseSuggestion) => void;
  busy?: boolean;
};

const MIN_QUERY = 3;
const WAIT_MS = 250;

/** Where a suggestion comes from, as a short phrase. */
export function useFromLabel() {
  const { t } = useTranslation("reuse");
  return (from: { mdo: string; version: number | null }) => (from.version === null ? t("fromDraft") : t("fromVersion", { mdo: from.mdo, version: from.version }));
}

/** The sentence that says what a reuse copied (and what it left out), for the page's live region. */
export function useReuseSentence() {
  const { t } = useTranslation("reuse");
  return (source: ReuseSource, name: string) => {
    const from = source.from.version === null ? t("sourceDraft") : t("sourceVersion", { mdo: source.from.mdo, version: source.from.version });
    const requirements = source.links.filter((l) => l.kind !== "role_activity").length;
    const said =
      source.nodes[0]?.kind === "role"
        ? t("reused", { name, from, activities: source.nodes.length - 1, requirements })
        : t("reusedActivity", { name, from, requirements });
    return source.skipped.length ? `${said} ${t("skipped", { list: source.skipped.map((k) => k.competency).join(", ") })}` : said;
  };
}

/** The suggestions for `query`, fetched a moment after typing stops. */
export function ReuseSuggestions({ kind, query, mdo, onReuse, busy }: Props) {
  const { t } = useTranslation("reuse");
  const fromLabel = useFromLabel();
  const fetcher = useFetcher<{ suggestions: ReuseSuggestion[] }>();
  const [problem, setProblem] = useState<string | null>(null);
  const [copying, setCopying] = useState<string | null>(null);
  const q = query.trim();
  const { load } = fetcher;

  useEffect(() => {
    if (q.length < MIN_QUERY) return;
    const timer = setTimeout(() => load(`/resources/suggestions?${new URLSearchParams({ kind, q, mdo })}`), WAIT_MS);
    return () => clearTimeout(timer);
  }, [q, kind, mdo, load]);

  if (q.length < MIN_QUERY) return null;
  const list = fetcher.data?.suggestions ?? [];

  const reuse = async (s: ReuseSuggestion) => {
    setProblem(null);
    setCopying(s.nodeId);
    try {
      const params = new URLSearchParams({ mdo, from: s.from.mdo, version: s.from.version === null ? "draft" : String(s.from.version), node: s.nodeId });
      const res = await fetch(`/resources/reuse?${params}`, { headers: { Accept: "application/json" } });
      const body = (await res.json()) as { source?: ReuseSource; message?: string };
      if (!res.ok || !body.source) throw new Error(body.message ?? res.statusText);
      onReuse(body.source, s);
    } catch (error) {
      setProblem(t("failed", { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setCopying(null);
    }
  };

  return (
    <section className="reuse-suggestions" aria-label={t(`heading_${kind}`)}>
      <h3 className="small">{t(`heading_${kind}`)}</h3>
      {problem ? (
        <p className="form-error" role="alert">
          {problem}
        </p>
      ) : null}
      {fetcher.state !== "idle" && list.length === 0 ? <p className="muted small">{t("loading")}</p> : null}
      {fetcher.state === "idle" && fetcher.data && list.length === 0 ? <p className="muted small">{t("none")}</p> : null}
      <ul className="reuse-list">
        {list.map((s) => (
          <li key={`${s.from.mdo}-${s.from.version}-${s.nodeId}`} className="reuse-item">
            <div className="reuse-text">
              <strong>{s.name}</strong> <span className="muted small">· {fromLabel(s.from)}</span>
              <p className="small muted">
                {s.kind === "role" ? `${t("activities", { count: s.activities.length })}${s.competencies.length ? " · " : ""}` : null}
                {s.competencies.length ? t("requires", { list: s.competencies.slice(0, 4).map((c) => t("requirement", { name: c.name, level: c.level })).join(", ") }) : null}
              </p>
            </div>
            <button
              type="button"
              className="small-button button"
              disabled={busy || copying !== null}
              aria-label={t("reuseLabel", { kind: t(`kind_${s.kind}`), name: s.name, from: fromLabel(s.from) })}
              onClick={() => void reuse(s)}
            >
              {copying === s.nodeId ? t("reusing") : t("reuse")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
