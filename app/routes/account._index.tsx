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
import { useFormat } from "~/i18n/format";
import { sessionLimits } from "~/config.server";
import { badRequest } from "~/http/errors.server";
import { useTranslation } from "react-i18next";
import { getServerT } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "account:title", "Your account");

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
  const t = await getServerT(request, "account");
  if (!parsed.ok) throw badRequest(t("unknownAction"));
  const current = await currentKey(request);
  if (parsed.data.intent === "sign-out-everywhere" || parsed.data.session === current) {
    const everywhere = parsed.data.intent === "sign-out-everywhere";
    const ended = everywhere ? endAllOwnSessions({ userId: user.id }) : 0;
    recordSecurityEvent({ event: "sign-out", userId: user.id, client: clientOf(request, context), detail: everywhere ? { everywhere, sessionsEnded: ended } : {} });
    const storage = sessionStorageFor(request);
    return redirect("/login", { headers: { "Set-Cookie": await storage.destroySession(await getSession(request)) } });
  }
  if (!endOwnSession({ userId: user.id, key: parsed.data.session })) {
    return json({ ok: false, message: t("alreadyEnded") }, { status: 404 });
  }
  recordSecurityEvent({ event: "sign-out", userId: user.id, client: clientOf(request, context), detail: { otherSession: true } });
  return json({ ok: true, message: t("signedOutOther") });
}

export default function Account() {
  const { user, sessions, limits } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("account");
  const f = useFormat();
  return (
    <>
      <h1>{t("title")}</h1>
      <section className="panel" aria-labelledby="who-title">
        <h2 id="who-title">{user.name}</h2>
        <p className="muted">{user.email}</p>
        <p>
          {user.memberships.length
            ? user.memberships.map((m) => (m.mdoCode ? t("admin:membershipOf", { role: t(`admin:role.${m.role}`), mdo: m.mdoCode }) : t("admin:membershipCbc", { role: t(`admin:role.${m.role}`) }))).join(", ")
            : t("noRoles")}
        </p>
        <p>
          <Link to="/account/password">{t("changePassword")}</Link>
        </p>
      </section>
      <section className="panel" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t("sessions.heading")}</h2>
        <p className="muted small">{t("sessions.limits", { idle: limits.idleMinutes, max: limits.maxHours })}</p>
        {result ? (
          <p role="status" className={result.ok ? "form-success" : "form-error"}>
            {result.message}
          </p>
        ) : null}
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("sessions.count", { count: sessions.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("sessions.signedIn")}</th>
                <th scope="col">{t("sessions.lastSeen")}</th>
                <th scope="col">{t("sessions.browser")}</th>
                <th scope="col">{t("sessions.ip")}</th>
                <th scope="col">
                  <span className="sr-only">{t("sessions.action")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.key}>
                  <td>{f.dateTime(s.createdAt)}</td>
                  <td>{s.current ? t("sessions.now") : f.dateTime(s.lastSeenAt)}</td>
                  <td className="small">{s.userAgent ?? t("sessions.unknown")}</td>
                  <td>{s.ip ?? t("sessions.unknown")}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="sign-out-one" />
                      <input type="hidden" name="session" value={s.key} />
                      <button type="submit" className="button small-button" aria-label={s.current ? t("sessions.signOutThis") : t("sessions.signOutFrom", { when: f.dateTime(s.createdAt) })}>
                        {t("common:nav.signOut")}
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
            {t("sessions.signOutEverywhere")}
          </button>
        </Form>
      </section>
    </>
  );
}
