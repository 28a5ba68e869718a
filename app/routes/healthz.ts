import { json } from "@remix-run/node";
import { sql } from "drizzle-orm";
import { getDb } from "@db/client";

/** Liveness and database check for operators; reveals nothing about the data. */
export function loader() {
  getDb().get(sql`select 1`);
  return json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
