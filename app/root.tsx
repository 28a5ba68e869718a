import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SiteHeader } from "~/components/site-header";
import { countUnread } from "~/models/review/notices.server";
import { demoEnabled } from "~/models/access/users.server";
import { DemoBanner } from "~/components/demo-banner";
import { getUser, hasCbcRole } from "~/http/auth.server";
import { useNonce } from "~/http/nonce";
import styles from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "FRAC Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return json({
    demo: demoEnabled(),
    user: user
      ? { name: user.name, email: user.email, isAdmin: hasCbcRole(user, ["admin"]), unread: countUnread({ userId: user.id }) }
      : null,
  });
}

// why: zod probes `new Function` when it first builds an object schema, and the CSP, which forbids
// eval, reports the probe as a violation. This is what z.config({ jitless: true }) writes, set
// before any module runs (a module could not be sure to run before every schema is built).
const ZOD_JITLESS = "globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });";

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  // Routes that need the whole window (the graph editor) say so with `handle: { wide: true }`.
  const wide = useMatches().some((m) => (m.handle as { wide?: boolean } | undefined)?.wide);
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: ZOD_JITLESS }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {data?.demo ? <DemoBanner /> : null}
        <SiteHeader user={data?.user ?? null} />
        <main id="main" className={wide ? "page page-wide" : "page"}>
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
