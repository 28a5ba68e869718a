import { Form, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";

type Props = { user: { name: string; email: string; isAdmin: boolean; unread: number } | null };

/**
 * The top bar: product name, main sections, and who is signed in. On a narrow screen the
 * sections fold into a "Menu" disclosure: a <details>, so it opens without JavaScript too;
 * with it, Escape closes the menu and a new page closes it.
 */
export function SiteHeader({ user }: Props) {
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
        FRAC Studio
      </a>
      {user ? (
        <details ref={menu} className="nav-menu" onToggle={(e) => setOpen(e.currentTarget.open)} onKeyDown={onKeyDown}>
          <summary className="nav-menu-button" aria-expanded={open}>
            <span aria-hidden="true" className="nav-menu-icon">
              ☰
            </span>{" "}
            Menu
            {user.unread ? <span className="unread-count" aria-label={`${user.unread} unread notifications`}>{user.unread}</span> : null}
          </summary>
          <div className="nav-menu-body">
            <nav aria-label="Main" className="main-nav">
              <NavLink to="/" end>
                Frameworks
              </NavLink>
              <NavLink to="/review">Review</NavLink>
              <NavLink to="/dictionary">Dictionary</NavLink>
              {user.isAdmin ? (
                <>
                  <NavLink to="/admin/users">Users</NavLink>
                  <NavLink to="/admin/mdos">Ministries</NavLink>
                  <NavLink to="/admin/tokens">Tokens</NavLink>
                  <NavLink to="/admin/audit">Audit log</NavLink>
                </>
              ) : null}
            </nav>
            <div className="who">
              <NavLink to="/notifications" className="notices-link" aria-label={user.unread ? `Notifications, ${user.unread} unread` : "Notifications"}>
                Notifications{user.unread ? <span className="unread-count">{user.unread}</span> : null}
              </NavLink>
              <NavLink to="/account" title={user.email}>
                {user.name}
              </NavLink>
              <Form method="post" action="/logout">
                <button type="submit" className="button-link">
                  Sign out
                </button>
              </Form>
            </div>
          </div>
        </details>
      ) : null}
    </header>
  );
}
