import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { listDesignationNames } from "~/models/dictionary/designations.server";
import { requireUser } from "~/http/auth.server";

/** iGOT's real designations, suggested as position names in the editor. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return json(listDesignationNames(), { headers: { "Cache-Control": "private, max-age=3600" } });
}
