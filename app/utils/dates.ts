/** An ISO timestamp as "YYYY-MM-DD HH:MM" (UTC), as the pages show it. */
export function formatUtc(iso: string): string {
  return iso.slice(0, 16).replace("T", " ");
}
