import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { z } from "zod";
import { LIMITS } from "@schemas/limits";
import { approveFramework, rejectFramework, submitFramework, verifyFramework } from "~/models/review/steps.server";
import { requireMdoAccess } from "~/http/auth.server";

const intent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("submit") }),
  z.object({ intent: z.literal("verify") }),
  z.object({ intent: z.literal("approve") }),
  z.object({
    intent: z.literal("reject"),
    reason: z.string().trim().min(1, "Say why it is sent back: the authors will read it.").max(LIMITS.COMMENT_MAX, `At most ${LIMITS.COMMENT_MAX} characters.`),
  }),
]);

/** Review steps on a ministry's framework: submit, verify, reject (send back) and approve. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, mdo } = await requireMdoAccess(request, params.code, "read");
  const parsed = intent.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const message = issue.path[0] === "intent" ? "Unknown review action." : issue.message;
    return json({ ok: false as const, message }, { status: 400 });
  }
  const input = parsed.data;
  const args = { mdoId: mdo.id, userId: user.id };
  const result =
    input.intent === "submit"
      ? submitFramework(args)
      : input.intent === "verify"
        ? verifyFramework(args)
        : input.intent === "approve"
          ? approveFramework(args)
          : rejectFramework({ ...args, reason: input.reason });
  if (!result.ok) return json({ ok: false as const, message: result.message }, { status: result.status });
  const done = { submit: "submitted", verify: "verified", approve: "published", reject: "sent-back" }[input.intent];
  return redirect(`/frameworks/${mdo.code}?review=${done}`);
}

export function loader({ params }: { params: { code?: string } }) {
  return redirect(`/frameworks/${params.code ?? ""}`);
}
