import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { z } from "zod";
import { LIMITS } from "@schemas/limits";
import { addComment, reopenComment, resolveComment } from "~/models/review/comments.server";
import { requireMdoAccess } from "~/http/auth.server";
import { parseForm } from "~/http/form.server";
import type { StepReply } from "@schemas/replies";
import type { TFunction } from "i18next";
import { getServerT } from "~/i18n/i18n.server";
import { inReaderLanguage } from "~/http/refusal-reply.server";

const intent = (t: TFunction) =>
  z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    body: z.string().trim().min(1, t("comments.bodyRequired")).max(LIMITS.COMMENT_MAX, t("review.atMost", { max: LIMITS.COMMENT_MAX })),
    targetId: z.uuid().optional().or(z.literal("").transform(() => undefined)),
    parentId: z.uuid().optional().or(z.literal("").transform(() => undefined)),
  }),
  z.object({ intent: z.literal("resolve"), commentId: z.uuid() }),
  z.object({ intent: z.literal("reopen"), commentId: z.uuid() }),
]);

/** Review comments on a framework or one of its nodes or links: add, resolve, reopen. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, mdo } = await requireMdoAccess(request, params.code, "read");
  const t = await getServerT(request, "history");
  const form = await parseForm(request, intent(t));
  if (!form.ok) return json<StepReply>({ ok: false, message: form.unknownIntent ? t("comments.unknownAction") : form.message }, { status: 400 });
  const input = form.data;
  const result = (() => {
    switch (input.intent) {
      case "add":
        return addComment({ mdoId: mdo.id, userId: user.id, targetId: input.targetId ?? null, parentId: input.parentId ?? null, body: input.body });
      case "resolve":
        return resolveComment({ commentId: input.commentId, userId: user.id });
      case "reopen":
        return reopenComment({ commentId: input.commentId, userId: user.id });
    }
  })();
  if (!result.ok) return json<StepReply>({ ok: false, message: (await inReaderLanguage(request, result)).message }, { status: result.status });
  return json<StepReply>({ ok: true });
}

export function loader({ params }: { params: { code?: string } }) {
  return redirect(`/frameworks/${params.code ?? ""}`);
}
