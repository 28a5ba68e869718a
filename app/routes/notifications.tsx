import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { listNotifications, markRead } from "~/models/review/notices.server";
import { mailSettings } from "~/config.server";
import { requireUser } from "~/http/auth.server";
import { parseForm } from "~/http/form.server";
import { useFormat } from "~/i18n/format";
import { getServerT } from "~/i18n/i18n.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "notifications:title", "Notifications");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ items: listNotifications({ userId: user.id, limit: 100 }), email: mailSettings() !== null });
}

const intent = z.discriminatedUnion("intent", [z.object({ intent: z.literal("read-all") }), z.object({ intent: z.literal("read"), id: z.uuid() })]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await parseForm(request, intent);
  if (!form.ok) return json({ message: (await getServerT(request, "notifications"))("unknownAction") }, { status: 400 });
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

/** A notice in the reader's language; an older notice stored as English text is shown as written, marked English. */
function NoticeText({ notice }: { notice: { message: string; key: string | null; params: Record<string, string | number> | null; href: string | null } }) {
  const { t, i18n } = useTranslation("notifications");
  const keyed = notice.key && notice.params;
  const text = keyed ? t(`notice.${notice.key}`, notice.params ?? {}) : notice.message;
  const lang = !keyed && i18n.language !== "en" ? "en" : undefined;
  return notice.href ? (
    <Link to={notice.href} lang={lang}>
      {text}
    </Link>
  ) : (
    <span lang={lang}>{text}</span>
  );
}

export default function Notifications() {
  const { items, email } = useLoaderData<typeof loader>();
  const { t } = useTranslation("notifications");
  const f = useFormat();
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{email ? t("byEmail") : t("hereOnly")}</p>
      {items.some((i) => !i.readAt) ? (
        <Form method="post">
          <input type="hidden" name="intent" value="read-all" />
          <button type="submit" className="button">
            {t("markAll")}
          </button>
        </Form>
      ) : null}
      {items.length === 0 ? <p className="empty">{t("nothing")}</p> : null}
      <ul className="notice-list">
        {items.map((n) => (
          <li key={n.id} className={n.readAt ? "is-read" : "is-unread"}>
            <time className="muted small" dateTime={n.createdAt}>{f.dateTime(n.createdAt)}</time> <NoticeText notice={n} />
            {!n.readAt ? (
              <Form method="post" className="inline">
                <input type="hidden" name="intent" value="read" />
                <input type="hidden" name="id" value={n.id} />
                <button type="submit" className="button small-button">
                  {t("markRead")}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
