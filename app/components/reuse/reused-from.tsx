/** "Reused from MINISTRY v N" beside a role or activity copied by reuse, linking to where it came from. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FracNode } from "@schemas/frac-document";

/** Nothing for a node that was not reused. */
export function ReusedFrom({ node }: { node: FracNode }) {
  const { t } = useTranslation("reuse");
  if ((node.kind !== "role" && node.kind !== "activity") || !node.derivedFrom) return null;
  const { mdo, version } = node.derivedFrom;
  const code = encodeURIComponent(mdo);
  return (
    <span className="reused-from">
      <Link to={version === null ? `/frameworks/${code}` : `/frameworks/${code}/versions/${version}`}>
        {version === null ? t("reusedFromDraft", { mdo }) : t("reusedFrom", { mdo, version })}
      </Link>
    </span>
  );
}
