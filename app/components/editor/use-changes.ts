/**
 * The draft against its last published version, live: the version is fetched once when the
 * author or reviewer asks to see the changes, and diffed again on every edit.
 */
import { useEffect, useMemo, useState } from "react";
import { diffDocuments, diffStatusById, type FracDiff } from "@schemas/diff";
import type { FracDocument } from "@schemas/frac-document";

export type ChangeStatus = "added" | "removed" | "changed";

export type Changes =
  | { state: "loading"; version: number }
  | { state: "failed"; version: number; message: string }
  | { state: "ready"; version: number; diff: FracDiff; statusById: Map<string, ChangeStatus> };

/** null while the changes are not shown (or nothing is published yet). */
export function useChanges(code: string, version: number | null, shown: boolean, current: FracDocument): Changes | null {
  const [baseline, setBaseline] = useState<{ version: number; doc: FracDocument } | { version: number; message: string } | null>(null);
  const wanted = shown && version !== null;

  useEffect(() => {
    if (!wanted || baseline?.version === version) return;
    let cancelled = false;
    void fetch(`/frameworks/${encodeURIComponent(code)}/versions/${version}/document`, { headers: { Accept: "application/json" } })
      .then(async (res) => {
        if (!res.ok) throw new Error(res.status === 404 ? `Version ${version} was not found.` : `The server answered ${res.status}.`);
        return (await res.json()) as FracDocument;
      })
      .then(
        (doc) => !cancelled && setBaseline({ version: version!, doc }),
        (e: unknown) => !cancelled && setBaseline({ version: version!, message: e instanceof Error ? e.message : String(e) }),
      );
    return () => {
      cancelled = true;
    };
  }, [wanted, code, version, baseline]);

  return useMemo((): Changes | null => {
    if (!wanted) return null;
    if (!baseline || baseline.version !== version) return { state: "loading", version: version! };
    if ("message" in baseline) return { state: "failed", version: version!, message: baseline.message };
    const diff = diffDocuments(baseline.doc, current);
    return { state: "ready", version: version!, diff, statusById: diffStatusById(diff) };
  }, [wanted, version, baseline, current]);
}
