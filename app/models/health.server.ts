/** What the operators' health check asks of the database; it reveals nothing about the data. */
import { sql } from "drizzle-orm";
import { getDb } from "@db/client";

/** Throws when the database cannot answer a trivial query. */
export function pingDatabase(): void {
  getDb().get(sql`select 1`);
}
