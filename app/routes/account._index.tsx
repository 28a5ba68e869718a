import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { endAllOwnSessions, endOwnSession, listUserSessions, sessionKey } from "~/models/access/sessions.server";
import { getSession, sessionStorageFor } from "~/session.server";
import { recordSecurityEvent } from "~/models/access/accounts.server";
import { requireUser } from "~/http/auth.server";
import { parseForm } from "~/http/form.server";
import { clientOf } from "~/http/client.server";
import { formatUtc } from "~/components/dates";
import { sessionLimits } from "~/config.server";
import { badRequest } from "~/http/errors.server";

export const meta: MetaFunction = () => [{ title: "Your account · FRAC Studio" }];

const intentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("sign-out-one"), session: z.string().regex(/^[0-9a-f]{64}$/u, "Unknown session.") }),
  z.object({ intent: z.literal("sign-out-everywhere") }),
]);

async function currentKey(request: Request): Promise<string | null> {
  const session = await getSession(request);
  return session.id ? sessionKey(session.id) : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const current = await currentKey(request);
  const sessions = listUserSessions({ userId: user.id }).map((s) => ({ ...s, current: s.key === current }));
  const { idleMs, maxAgeMs } = sessionLimits();
  return json({ user: { name: user.name, email: user.email, memberships: user.memberships }, sessions, limits: { idleMinutes: idleMs / 60_000, maxHours: maxAgeMs / 3_600_000 } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = await parseForm(request, intentSchema);
  if (!parsed.ok) throw badRequest("Unknown action on the account page.");
  const current = await currentKey(request);
  if (parsed.data.intent === "sign-out-everywhere" || parsed.data.session === current) {
    const everywhere = parsed.data.intent === "sign-out-everywhere";
    const ended = everywhere ? endAllOwnSessions({ userId: user.id }) : 0;
    recordSecurityEvent({ event: "sign-out", userId: user.id, client: clientOf(request, context), detail: everywhere ? { everywhere, sessionsEnded: ended } : {} });
    const storage = sessionStorageFor(request);
    return redirect("/login", { headers: { "Set-Cookie": await storage.destroySession(await getSession(request)) } });
  }
  if (!endOwnSession({ userId: user.id, key: parsed.data.session })) {
    return json({ message: "That session had already ended." }, { status: 404 });
  }
  recordSecurityEvent({ event: "sign-out", userId: user.id, client: clientOf(request, context), detail: { otherSession: true } });
  return json({ message: "Signed out that session." });
}

export default function Account() {
  const { user, sessions, limits } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Your account</h1>
      <section className="panel" aria-labelledby="who-title">
        <h2 id="who-title">{user.name}</h2>
        <p className="muted">{user.email}</p>
        <p>
          {user.memberships.length
            ? user.memberships.map((m) => `${m.role}${m.mdoCode ? ` of ${m.mdoCode}` : " (CBC)"}`).join(", ")
            : "No roles yet."}
        </p>
        <p>
          <Link to="/account/password">Change your password</Link>
        </p>
      </section>
      <section className="panel" aria-labelledby="sessions-title">
        <h2 id="sessions-title">Where you are signed in</h2>
        <p className="muted small">A session ends after {limits.idleMinutes} minutes without use, or {limits.maxHours} hours after signing in. Times are UTC.</p>
        {result ? (
          <p role="status" className={"message" in result && result.message.startsWith("Signed") ? "form-success" : "form-error"}>
            {result.message}
          </p>
        ) : null}
        <div className="table-scroll">
          <table className="data-table">
            <caption>{sessions.length === 1 ? "1 session" : `${sessions.length} sessions`}</caption>
            <thead>
              <tr>
                <th scope="col">Signed in</th>
                <th scope="col">Last seen</th>
                <th scope="col">Browser</th>
                <th scope="col">IP address</th>
                <th scope="col">
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.key}>
                  <td>{formatUtc(s.createdAt)}</td>
                  <td>{s.current ? "now (this browser)" : formatUtc(s.lastSeenAt)}</td>
                  <td className="small">{s.userAgent ?? "unknown"}</td>
                  <td>{s.ip ?? "unknown"}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="sign-out-one" />
                      <input type="hidden" name="session" value={s.key} />
                      <button type="submit" className="button small-button" aria-label={s.current ? "Sign out this browser" : `Sign out the session from ${formatUtc(s.createdAt)}`}>
                        Sign out
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Form method="post">
          <input type="hidden" name="intent" value="sign-out-everywhere" />
          <button type="submit" className="button">
            Sign out everywhere
          </button>
        </Form>
      </section>
    </>
  );
}
