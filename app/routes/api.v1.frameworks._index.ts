import type { LoaderFunctionArgs } from "@remix-run/node";
import { frameworksListBody } from "~/models/api-lists.server";
import { readJson, requireApiToken } from "~/utils/api.server";

/** GET /api/v1/frameworks: every published framework with its latest version and links to it. */
export async function loader({ request }: LoaderFunctionArgs) {
  requireApiToken(request);
  return readJson(request, frameworksListBody());
}
