const LABELS: Record<string, string> = {
  DRAFT: "Draft",
  UNVERIFIED: "Submitted",
  VERIFIED: "Verified",
  REJECTED: "Sent back",
  PUBLISHED: "Published",
};

/** A framework's review status as a coloured label with a readable name. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge badge-${status.toLowerCase()}`} title={status}>
      {LABELS[status] ?? status}
    </span>
  );
}
