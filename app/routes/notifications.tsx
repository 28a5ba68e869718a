import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listNotifications, markRead } from "~/models/review/notices.server";
import { mailSettings } from "~/config.server";
import { requireUser } from "~/http/auth.server";
import { parseForm } from "~/http/form.server";
import { formatUtc } from "~/components/dates";

export const meta: MetaFunction = () => [{ title: "Notifications · FRAC Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ items: listNotifications({ userId: user.id, limit: 100 }), email: mailSettings() !== null });
}

const intent = z.discriminatedUnion("intent", [z.object({ intent: z.literal("read-all") }), z.object({ intent: z.literal("read"), id: z.uuid() })]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await parseForm(request, intent);
  if (!form.ok) return json({ message: "Unknown action." }, { status: 400 });
  switch (form.data.intent) {
    case "read":
      markRead({ userId: user.id, ids: [form.data.id] });
      break;
    case "read-all":
      markRead({ userId: user.id, ids: undefined });
      break;
  }
  return redirect("/notifications");
}

export default function Notifications() {
  const { items, email } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Notifications</h1>
      <p className="muted">{email ? "These notices are also sent to you by e-mail." : "Notices appear here only (this installation sends no e-mail)."}</p>
      {items.some((i) => !i.readAt) ? (
        <Form method="post">
          <input type="hidden" name="intent" value="read-all" />
          <button type="submit" className="button">
            Mark all as read
          </button>
        </Form>
      ) : null}
      {items.length === 0 ? <p className="empty">Nothing yet.</p> : null}
      <ul className="notice-list">
        {items.map((n) => (
          <li key={n.id} className={n.readAt ? "is-read" : "is-unread"}>
            <span className="muted small">{formatUtc(n.createdAt)} UTC</span> {n.href ? <Link to={n.href}>{n.message}</Link> : n.message}
            {!n.readAt ? (
              <Form method="post" className="inline">
                <input type="hidden" name="intent" value="read" />
                <input type="hidden" name="id" value={n.id} />
                <button type="submit" className="button small-button">
                  Mark read
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
