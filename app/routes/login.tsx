import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { getSession, sessionStorageFor, startSession } from "~/session.server";
import { recordSecurityEvent } from "~/models/access/accounts.server";
import { demoEnabled, normalizeEmail, verifyLogin } from "~/models/access/users.server";
import { getUser } from "~/http/auth.server";
import { clientOf } from "~/http/client.server";
import { safeRedirect } from "~/http/safe-redirect";
import { clearAccountFailures, countFailedSignIn, signInBlockedFor } from "~/http/sign-in-limit.server";

export const meta: MetaFunction = () => [{ title: "Sign in · FRAC Studio" }];

// why: Remix sends an action's headers on a document response only through this export.
export const headers: HeadersFunction = ({ actionHeaders, parentHeaders }) => {
  const merged = new Headers(parentHeaders);
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) merged.set("Retry-After", retryAfter);
  return merged;
};

const loginForm = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(320).email("Enter a valid email address."),
  password: z.string().min(1, "Enter your password.").max(1024),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) return redirect("/");
  return json({ demo: demoEnabled() });
}

type ActionData = { formError: string | null; fieldErrors: Partial<Record<"email" | "password", string[]>> };

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = loginForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return json<ActionData>({ formError: null, fieldErrors: z.flattenError(parsed.error).fieldErrors }, { status: 400 });
  }
  const client = clientOf(request, context);
  const caller = { email: normalizeEmail(parsed.data.email), ip: client.ip };
  const waitS = await signInBlockedFor(caller);
  if (waitS !== null) {
    const minutes = Math.ceil(waitS / 60);
    const formError = `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or ask your administrator to reset your password.`;
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
        ? "Demo accounts are switched off on this installation."
        : result.reason === "disabled"
          ? "This account has been disabled. Ask your administrator."
          : "Email or password is incorrect.";
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
  return (
    <section className="auth-card" aria-labelledby="login-title">
      <h1 id="login-title">Sign in to FRAC Studio</h1>
      <p className="muted">Frameworks of Roles, Activities and Competencies for Mission Karmayogi.</p>
      {actionData?.formError ? (
        <p role="alert" className="form-error">
          {actionData.formError}
        </p>
      ) : null}
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <div className="field">
          <label htmlFor="email">Email</label>
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
          <label htmlFor="password">Password</label>
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
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </Form>
      {demo ? (
        <aside className="demo-hint" aria-label="Demo accounts">
          <h2>Demo accounts</h2>
          <p>
            Password <code>karmayogi-demo</code> for each: <code>author@frac.test</code> (CBIC HR cell),{" "}
            <code>viewer@frac.test</code>, <code>other-author@frac.test</code> (MoHFW), <code>reviewer@frac.test</code>,{" "}
            <code>board@frac.test</code>, <code>curator@frac.test</code>, <code>admin@frac.test</code>.
          </p>
        </aside>
      ) : null}
    </section>
  );
}
