import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { parseForm } from "~/http/form.server";
import { inReaderLanguage } from "~/http/refusal-reply.server";
import { changePassword } from "~/models/access/accounts.server";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "~/models/access/password-policy.server";
import { startSession } from "~/session.server";
import { requireUser } from "~/http/auth.server";
import { clientIp } from "~/http/client.server";
import { safeRedirect } from "~/http/safe-redirect";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { getServerT } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "account:password.title", "Change password");

type Field = "currentPassword" | "newPassword" | "confirmPassword";

const passwordForm = (t: TFunction) =>
  z
  .object({
    currentPassword: z.string().min(1, t("password.currentRequired")).max(1024),
    newPassword: z.string().min(1, t("password.newRequired")).max(1024),
    confirmPassword: z.string().max(1024),
    redirectTo: z.string().optional(),
  })
  .refine((f) => f.newPassword === f.confirmPassword, { path: ["confirmPassword"], message: t("password.differ") });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { allowOneTimePassword: true });
  return json({ mustChange: user.mustChangePassword, minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH });
}

type ActionData = { fieldErrors: Partial<Record<Field, string[]>> };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, { allowOneTimePassword: true });
  const parsed = await parseForm(request, passwordForm(await getServerT(request, "account")));
  if (!parsed.ok) return json<ActionData>({ fieldErrors: parsed.fieldErrors }, { status: 400 });
  const outcome = await changePassword({ userId: user.id, currentPassword: parsed.data.currentPassword, newPassword: parsed.data.newPassword });
  if (!outcome.ok) {
    const field: Field = outcome.field === "user" ? "currentPassword" : outcome.field;
    return json<ActionData>({ fieldErrors: { [field]: [(await inReaderLanguage(request, outcome)).message] } }, { status: 400 });
  }
  // why: the change ended every session of this user, this one too; the person who changed it continues in a new one.
  const cookie = await startSession(request, { userId: user.id, ip: clientIp(context) });
  const next = safeRedirect(parsed.data.redirectTo, "/");
  return redirect(next.startsWith("/account/password") ? "/" : next, { headers: { "Set-Cookie": cookie } });
}

export default function ChangePassword() {
  const { mustChange, minLength } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  const errors: ActionData["fieldErrors"] = result?.fieldErrors ?? {};
  const { t } = useTranslation("account");
  const field = (name: Field, label: string, autoComplete: string, hint?: string) => (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        type="password"
        autoComplete={autoComplete}
        required
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={[hint ? `${name}-hint` : "", errors[name] ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined}
      />
      {hint ? (
        <p id={`${name}-hint`} className="muted small">
          {hint}
        </p>
      ) : null}
      {errors[name] ? (
        <p id={`${name}-error`} className="field-error">
          {errors[name]![0]}
        </p>
      ) : null}
    </div>
  );
  return (
    <section className="auth-card" aria-labelledby="password-title">
      <h1 id="password-title">{mustChange ? t("password.headingMust") : t("password.heading")}</h1>
      {mustChange ? (
        <p role="status" className="form-notice">
          {t("password.mustNotice")}
        </p>
      ) : null}
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        {field("currentPassword", mustChange ? t("password.oneTime") : t("password.current"), "current-password")}
        {field(
          "newPassword",
          t("password.new"),
          "new-password",
          t("password.newHint", { min: minLength }),
        )}
        {field("confirmPassword", t("password.repeat"), "new-password")}
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t("password.busy") : t("password.submit")}
        </button>
      </Form>
    </section>
  );
}
