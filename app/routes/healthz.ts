import { json } from "@remix-run/node";
import { pingDatabase } from "~/models/health.server";

/** Liveness and database check for operators; reveals nothing about the data. */
export function loader() {
  pingDatabase();
  return json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
