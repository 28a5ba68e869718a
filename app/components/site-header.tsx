import { Form, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "~/components/language-switch";
import { SearchBox } from "~/components/search-box";

type Props = { user: { name: string; email: string; isAdmin: boolean; isCbc?: boolean; unread: number } | null };

/**
 * The top bar: product name, main sections, who is signed in, and the language switch. On a
 * narrow screen the sections fold into a "Menu" disclosure: a <details>, so it opens without
 * JavaScript too; with it, Escape closes the menu and a new page closes it.
 */
export function SiteHeader({ user }: Props) {
  const { t } = useTranslation();
  const menu = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  const { pathname, search } = useLocation();
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname, search]);
  const onKeyDown = (event: KeyboardEvent<HTMLDetailsElement>) => {
    if (event.key !== "Escape" || !menu.current?.open) return;
    menu.current.open = false;
    menu.current.querySelector("summary")?.focus();
  };
  return (
    <header className="site-header">
      <a href="/" className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◆
        </span>
        {t("appName")}
      </a>
      {user ? (
        <details ref={menu} className="nav-menu" onToggle={(e) => setOpen(e.currentTarget.open)} onKeyDown={onKeyDown}>
          <summary className="nav-menu-button" aria-expanded={open}>
            <span aria-hidden="true" className="nav-menu-icon">
              ☰
            </span>{" "}
            {t("a11y:menu")}
            {user.unread ? <span className="unread-count">{user.unread}</span> : null}
          </summary>
          <div className="nav-menu-body">
            <nav aria-label={t("nav.label")} className="main-nav">
              <NavLink to="/" end>
                {t("nav.frameworks")}
              </NavLink>
              <NavLink to="/review">{t("nav.review")}</NavLink>
              <NavLink to="/dictionary">{t("nav.dictionary")}</NavLink>
              {user.isCbc ? <NavLink to="/cbc">{t("cbc:nav")}</NavLink> : null}
              {user.isAdmin ? (
                <>
                  <NavLink to="/admin/users">{t("nav.users")}</NavLink>
                  <NavLink to="/admin/mdos">{t("nav.ministries")}</NavLink>
                  <NavLink to="/admin/tokens">{t("nav.tokens")}</NavLink>
                  <NavLink to="/admin/audit">{t("nav.audit")}</NavLink>
                </>
              ) : null}
            </nav>
            <SearchBox />
            <div className="who">
              <NavLink to="/notifications" className="notices-link" aria-label={user.unread ? t("nav.notificationsUnread", { count: user.unread }) : t("nav.notifications")}>
                {t("nav.notifications")}
                {user.unread ? <span className="unread-count">{user.unread}</span> : null}
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
          </div>
        </details>
      ) : null}
      <LanguageSwitch />
    </header>
  );
}
