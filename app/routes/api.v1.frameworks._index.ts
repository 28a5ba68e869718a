import type { LoaderFunctionArgs } from "@remix-run/node";
import { frameworksListBody } from "~/models/read-api/lists.server";
import { readJson, requireApiReader } from "~/http/api.server";

/** GET /api/v1/frameworks: every published framework (without a token: every open one) with its latest version and links to it. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const reader = await requireApiReader(request, context);
  return readJson(request, frameworksListBody(reader.mayRead));
}
