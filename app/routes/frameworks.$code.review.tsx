import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { z } from "zod";
import { LIMITS } from "@schemas/limits";
import { approveFramework, rejectFramework, submitFramework, verifyFramework } from "~/models/review/steps.server";
import { requireMdoAccess } from "~/http/auth.server";
import { parseForm } from "~/http/form.server";
import type { StepReply } from "@schemas/replies";
import type { TFunction } from "i18next";
import { getServerT } from "~/i18n/i18n.server";
import { inReaderLanguage } from "~/http/refusal-reply.server";

const intent = (t: TFunction) =>
  z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("submit") }),
  z.object({ intent: z.literal("verify") }),
  z.object({ intent: z.literal("approve") }),
  z.object({
    intent: z.literal("reject"),
    reason: z.string().trim().min(1, t("review.reasonRequired")).max(LIMITS.COMMENT_MAX, t("review.atMost", { max: LIMITS.COMMENT_MAX })),
  }),
]);

/** Review steps on a ministry's framework: submit, verify, reject (send back) and approve. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, mdo } = await requireMdoAccess(request, params.code, "read");
  const t = await getServerT(request, "history");
  const form = await parseForm(request, intent(t));
  if (!form.ok) return json<StepReply>({ ok: false, message: form.unknownIntent ? t("review.unknownAction") : form.message }, { status: 400 });
  const input = form.data;
  const args = { mdoId: mdo.id, userId: user.id };
  const result = (() => {
    switch (input.intent) {
      case "submit":
        return submitFramework(args);
      case "verify":
        return verifyFramework(args);
      case "approve":
        return approveFramework(args);
      case "reject":
        return rejectFramework({ ...args, reason: input.reason });
    }
  })();
  if (!result.ok) return json<StepReply>({ ok: false, message: (await inReaderLanguage(request, result)).message }, { status: result.status });
  const done = { submit: "submitted", verify: "verified", approve: "published", reject: "sent-back" }[input.intent];
  return redirect(`/frameworks/${mdo.code}?review=${done}`);
}

export function loader({ params }: { params: { code?: string } }) {
  return redirect(`/frameworks/${params.code ?? ""}`);
}
