import { Form, NavLink } from "@remix-run/react";

type Props = { user: { name: string; email: string; isAdmin: boolean; unread: number } | null };

/** The top bar: product name, main sections, and who is signed in. */
export function SiteHeader({ user }: Props) {
  return (
    <header className="site-header">
      <a href="/" className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◆
        </span>
        FRAC Studio
      </a>
      {user ? (
        <>
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
        </>
      ) : null}
    </header>
  );
}
