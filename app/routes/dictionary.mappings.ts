import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { MAPPING_RELATIONS, removeMapping, saveMapping } from "~/models/dictionary/mapping.server";
import { SOURCE_CURATORS } from "~/models/dictionary/sources.server";
import { requireCbcRole } from "~/http/auth.server";
import { parseForm } from "~/http/form.server";
import { inReaderLanguage } from "~/http/refusal-reply.server";

const intents = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("map"),
    sourceEntryId: z.string().min(1).max(256),
    competencyId: z.string({ error: "Choose the KCM entry to map to." }).min(1, "Choose the KCM entry to map to.").max(64),
    relation: z.enum(MAPPING_RELATIONS, { error: "Choose how the entries relate: exact match, broader, narrower or related." }),
  }),
  z.object({ intent: z.literal("unmap"), id: z.string().min(1).max(64) }),
]);

/** POST /dictionary/mappings: a curator maps an outside entry to a KCM entry, or removes a mapping. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCbcRole(request, SOURCE_CURATORS);
  const parsed = await parseForm(request, intents);
  if (!parsed.ok) return json({ ok: false as const, message: parsed.unknownIntent ? "Unknown action: map or unmap." : parsed.message }, { status: 400 });
  const input = parsed.data;
  const result = input.intent === "map" ? saveMapping({ ...input, userId: user.id }) : removeMapping({ id: input.id, userId: user.id });
  if (!result.ok) return json({ ok: false as const, message: (await inReaderLanguage(request, result)).message }, { status: result.status });
  return json({ ok: true as const });
}
