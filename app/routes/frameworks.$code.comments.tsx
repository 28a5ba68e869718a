import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { z } from "zod";
import { LIMITS } from "@schemas/limits";
import { addComment, reopenComment, resolveComment } from "~/models/review/comments.server";
import { requireMdoAccess } from "~/http/auth.server";

const intent = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    body: z.string().trim().min(1, "Write a comment first.").max(LIMITS.COMMENT_MAX, `At most ${LIMITS.COMMENT_MAX} characters.`),
    targetId: z.uuid().optional().or(z.literal("").transform(() => undefined)),
    parentId: z.uuid().optional().or(z.literal("").transform(() => undefined)),
  }),
  z.object({ intent: z.literal("resolve"), commentId: z.uuid() }),
  z.object({ intent: z.literal("reopen"), commentId: z.uuid() }),
]);

/** Review comments on a framework or one of its nodes or links: add, resolve, reopen. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, mdo } = await requireMdoAccess(request, params.code, "read");
  const parsed = intent.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return json({ ok: false as const, message: issue.path[0] === "intent" ? "Unknown comment action." : issue.message }, { status: 400 });
  }
  const input = parsed.data;
  const result =
    input.intent === "add"
      ? addComment({ mdoId: mdo.id, userId: user.id, targetId: input.targetId ?? null, parentId: input.parentId ?? null, body: input.body })
      : input.intent === "resolve"
        ? resolveComment({ commentId: input.commentId, userId: user.id })
        : reopenComment({ commentId: input.commentId, userId: user.id });
  if (!result.ok) return json({ ok: false as const, message: result.message }, { status: result.status });
  return json({ ok: true as const });
}

export function loader({ params }: { params: { code?: string } }) {
  return redirect(`/frameworks/${params.code ?? ""}`);
}
