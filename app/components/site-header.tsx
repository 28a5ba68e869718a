import { Form, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "~/components/language-switch";

type Props = { user: { name: string; email: string; isAdmin: boolean; unread: number } | null };

/** The top bar: product name, main sections, and who is signed in. */
export function SiteHeader({ user }: Props) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <a href="/" className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◆
        </span>
        {t("appName")}
      </a>
      {user ? (
        <>
          <nav aria-label={t("nav.label")} className="main-nav">
            <NavLink to="/" end>
              {t("nav.frameworks")}
            </NavLink>
            <NavLink to="/review">{t("nav.review")}</NavLink>
            <NavLink to="/dictionary">{t("nav.dictionary")}</NavLink>
            {user.isAdmin ? (
              <>
                <NavLink to="/admin/users">{t("nav.users")}</NavLink>
                <NavLink to="/admin/mdos">{t("nav.ministries")}</NavLink>
                <NavLink to="/admin/tokens">{t("nav.tokens")}</NavLink>
                <NavLink to="/admin/audit">{t("nav.audit")}</NavLink>
              </>
            ) : null}
          </nav>
          <div className="who">
            <NavLink to="/notifications" className="notices-link" aria-label={user.unread ? t("nav.notificationsUnread", { count: user.unread }) : t("nav.notifications")}>
              {t("nav.notifications")}{user.unread ? <span className="unread-count">{user.unread}</span> : null}
            </NavLink>
            <NavLink to="/account" title={user.email}>
              {user.name}
            </NavLink>
            <Form method="post" action="/logout">
              <button type="submit" className="button-link">
                {t("nav.signOut")}
              </button>
            </Form>
          </div>
        </>
      ) : null}
      <LanguageSwitch />
    </header>
  );
}
