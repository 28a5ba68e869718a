import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { TFunction } from "i18next";
import { Trans, useTranslation } from "react-i18next";
import { z } from "zod";
import { parseForm } from "~/http/form.server";
import { getSession, sessionStorageFor, startSession } from "~/session.server";
import { recordSecurityEvent } from "~/models/access/accounts.server";
import { demoEnabled, normalizeEmail, verifyLogin } from "~/models/access/users.server";
import { getUser } from "~/http/auth.server";
import { clientOf } from "~/http/client.server";
import { safeRedirect } from "~/http/safe-redirect";
import { clearAccountFailures, countFailedSignIn, signInBlockedFor } from "~/http/sign-in-limit.server";
import { getServerT } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth:login.title", "Sign in");

// why: Remix sends an action's headers on a document response only through this export.
export const headers: HeadersFunction = ({ actionHeaders, parentHeaders }) => {
  const merged = new Headers(parentHeaders);
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) merged.set("Retry-After", retryAfter);
  return merged;
};

/** The sign-in form, its messages in the reader's language. */
const loginForm = (t: TFunction) =>
  z.object({
    email: z.string().trim().min(1, t("login.emailRequired")).max(320).email(t("login.emailInvalid")),
    password: z.string().min(1, t("login.passwordRequired")).max(1024),
    redirectTo: z.string().optional(),
  });

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) return redirect("/");
  return json({ demo: demoEnabled() });
}

type ActionData = { formError: string | null; fieldErrors: Partial<Record<"email" | "password", string[]>> };

export async function action({ request, context }: ActionFunctionArgs) {
  const t = await getServerT(request, "auth");
  const parsed = await parseForm(request, loginForm(t));
  if (!parsed.ok) return json<ActionData>({ formError: null, fieldErrors: parsed.fieldErrors }, { status: 400 });
  const client = clientOf(request, context);
  const caller = { email: normalizeEmail(parsed.data.email), ip: client.ip };
  const waitS = await signInBlockedFor(caller);
  if (waitS !== null) {
    const formError = t("login.tooMany", { count: Math.ceil(waitS / 60) });
    return json<ActionData>({ formError, fieldErrors: {} }, { status: 429, headers: { "Retry-After": String(waitS) } });
  }
  const result = await verifyLogin(parsed.data);
  if (!result.ok) {
    recordSecurityEvent({ event: "sign-in-failed", email: caller.email, client, detail: { reason: result.reason } });
    const reached = await countFailedSignIn(caller);
    if (reached.account || reached.ip) {
      recordSecurityEvent({ event: "lockout", email: caller.email, client, detail: { account: reached.account, ip: reached.ip } });
    }
    const formError =
      result.reason === "demo-disabled"
        ? t("login.demoDisabled")
        : result.reason === "disabled"
          ? t("login.disabled")
          : t("login.incorrect");
    return json<ActionData>({ formError, fieldErrors: {} }, { status: 401 });
  }
  await clearAccountFailures(caller);
  // why: whatever session cookie came in (even a valid one) is ended; sign-in always starts a new id.
  const previous = await getSession(request);
  if (previous.id) await sessionStorageFor(request).destroySession(previous);
  const cookie = await startSession(request, { userId: result.userId, ip: client.ip });
  recordSecurityEvent({ event: "sign-in", userId: result.userId, client });
  return redirect(safeRedirect(parsed.data.redirectTo, "/"), { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const { demo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  const errors: ActionData["fieldErrors"] = actionData?.fieldErrors ?? {};
  const { t } = useTranslation("auth");
  return (
    <section className="auth-card" aria-labelledby="login-title">
      <h1 id="login-title">{t("login.heading")}</h1>
      <p className="muted">{t("login.intro")}</p>
      {actionData?.formError ? (
        <p role="alert" className="form-error">
          {actionData.formError}
        </p>
      ) : null}
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <div className="field">
          <label htmlFor="email">{t("login.email")}</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            required
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? "email-error" : undefined}
          />
          {errors.email ? (
            <p id="email-error" className="field-error">
              {errors.email[0]}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="password">{t("login.password")}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={errors.password ? "password-error" : undefined}
          />
          {errors.password ? (
            <p id="password-error" className="field-error">
              {errors.password[0]}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t("login.busy") : t("login.submit")}
        </button>
      </Form>
      {demo ? (
        <aside className="demo-hint" aria-label={t("login.demoHeading")}>
          <h2>{t("login.demoHeading")}</h2>
          <p>
            <Trans t={t} i18nKey="login.demoPassword" components={[<code key="password" />]} /> <code>author@frac.test</code> (CBIC HR cell),{" "}
            <code>viewer@frac.test</code>, <code>other-author@frac.test</code> (MoHFW), <code>reviewer@frac.test</code>,{" "}
            <code>board@frac.test</code>, <code>curator@frac.test</code>, <code>admin@frac.test</code>.
          </p>
        </aside>
      ) : null}
    </section>
  );
}
