/** The graph editor's way to reuse: words of a name in a field, the suggestions under it, one button each. */
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReusableKind, ReuseSource } from "@schemas/reuse";
import { ReuseSuggestions, type ReuseSuggestion } from "./reuse-suggestions";

type Props = { kind: ReusableKind; mdo: string; onReuse: (source: ReuseSource, suggestion: ReuseSuggestion) => void };

/** A search field for roles (under a position) or activities (under a role) to copy. */
export function ReuseFinder({ kind, mdo, onReuse }: Props) {
  const { t } = useTranslation("reuse");
  const id = useId();
  const [query, setQuery] = useState("");
  return (
    <div className="field reuse-finder">
      <label htmlFor={id}>{t(`heading_${kind}`)}</label>
      <input id={id} type="search" value={query} placeholder={t("searchPlaceholder")} autoComplete="off" onChange={(e) => setQuery(e.target.value)} />
      <ReuseSuggestions kind={kind} query={query} mdo={mdo} onReuse={(source, s) => {
        onReuse(source, s);
        setQuery("");
      }} />
    </div>
  );
}
