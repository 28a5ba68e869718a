import { Form, NavLink } from "@remix-run/react";

type Props = { user: { name: string; email: string; isAdmin: boolean } | null };

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
              </>
            ) : null}
          </nav>
          <div className="who">
            <span title={user.email}>{user.name}</span>
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
