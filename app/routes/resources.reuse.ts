import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { loadReuseSource } from "~/models/search/reuse-source.server";
import { requireMdoAccess } from "~/http/auth.server";
import { badRequest, notFound } from "~/http/errors.server";
import { refusalText } from "~/i18n/refusal-text";

const params = z.object({
  mdo: z.string({ error: "mdo (your ministry's code) is required." }).min(1).max(64),
  from: z.string({ error: "from (the code of the ministry to reuse from) is required." }).min(1).max(64),
  version: z.union([z.literal("draft"), z.string().regex(/^[1-9]\d{0,5}$/, "version must be a published version number or draft.")], {
    error: "version must be a published version number or draft.",
  }),
  node: z.uuid({ error: "node must be the id (UUID) of a role or activity." }),
});

/**
 * GET /resources/reuse?mdo=CODE&from=CODE&version=N|draft&node=ID: what reusing that role or
 * activity copies into CODE's draft (its activities and competency requirements), for the editors
 * to turn into change ops. The user must be able to edit CODE; `from` is CODE's own draft or any
 * published version, never another ministry's draft (404, like an unknown node).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = params.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw badRequest(parsed.error.issues[0].message);
  const { mdo } = await requireMdoAccess(request, parsed.data.mdo, "edit");
  const version = parsed.data.version === "draft" ? null : Number(parsed.data.version);
  const source = loadReuseSource({ viewerMdoId: mdo.id, from: { mdo: parsed.data.from, version }, nodeId: parsed.data.node });
  if (!source) throw notFound(refusalText("page.nothingToReuse"));
  return json({ source }, { headers: { "Cache-Control": "private, no-store" } });
}
