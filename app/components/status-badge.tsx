import { useTranslation } from "react-i18next";

const KNOWN = new Set(["DRAFT", "UNVERIFIED", "VERIFIED", "REJECTED", "PUBLISHED"]);

/** A framework's review status as a coloured label with a readable name. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${status.toLowerCase()}`} title={status}>
      {KNOWN.has(status) ? t(`status.${status}`) : status}
    </span>
  );
}
