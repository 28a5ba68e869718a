/** An ISO timestamp as "YYYY-MM-DD HH:MM" (UTC), as the pages show it. */
export function formatUtc(iso: string): string {
  return iso.slice(0, 16).replace("T", " ");
}

/** The calendar day (YYYY-MM-DD) of an instant in India (IST, UTC+05:30), as token expiry dates are given. */
export function istDate(iso: string): string {
  return new Date(Date.parse(iso) + 5.5 * 3_600_000).toISOString().slice(0, 10);
}
