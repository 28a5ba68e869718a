import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { SUGGESTION_KINDS, suggestNodes } from "~/models/search/reuse-suggestions.server";
import { requireMdoAccess } from "~/http/auth.server";
import { badRequest } from "~/http/errors.server";

const params = z.object({
  kind: z.enum(SUGGESTION_KINDS, { error: "kind must be role or activity." }),
  q: z.string({ error: "q (what the author is typing) is required." }).max(300, "q may be at most 300 characters."),
  mdo: z.string({ error: "mdo (the ministry's code) is required." }).min(1).max(64),
});

/**
 * GET /resources/suggestions?kind=role|activity&q=…&mdo=CODE: the roles or activities most like
 * `q`, from that ministry's draft (which the user must be able to read: another ministry's is 404)
 * and from every published framework, each with where it comes from and what it requires.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = params.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw badRequest(parsed.error.issues[0].message);
  const { mdo } = await requireMdoAccess(request, parsed.data.mdo, "read");
  const suggestions = await suggestNodes({ kind: parsed.data.kind, q: parsed.data.q, mdoId: mdo.id });
  return json({ suggestions }, { headers: { "Cache-Control": "private, no-store" } });
}
