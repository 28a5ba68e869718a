import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteLoaderData } from "@remix-run/react";
import { useMemo, type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SiteHeader } from "~/components/site-header";
import { countUnread } from "~/models/review/notices.server";
import { demoEnabled } from "~/models/access/users.server";
import { DemoBanner } from "~/components/demo-banner";
import { getUser, hasCbcRole } from "~/http/auth.server";
import { useNonce } from "~/http/nonce";
import { getLanguage } from "~/i18n/i18n.server";
import { catalogueSrc } from "~/i18n/catalogue-script.server";
import { catalogue, catalogueI18n, loadedLanguage } from "~/i18n/catalogue";
import { createI18n, DEFAULT_LANGUAGE, DEFAULT_NAMESPACE } from "~/i18n/i18n";
import styles from "~/styles/app.css";
// why in the browser bundle: an error page shown when the root loader itself failed has no
// loader data, so it needs the header's and error page's English messages at hand.
import fallbackCommon from "~/locales/en/common.json";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "FRAC Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const lng = await getLanguage(request);
  return json({
    lng,
    // The chosen language's messages, as a script the browser keeps (app/i18n/catalogue.ts).
    messagesSrc: catalogueSrc(lng),
    demo: demoEnabled(),
    user: user
      ? { name: user.name, email: user.email, isAdmin: hasCbcRole(user, ["admin"]), isCbc: hasCbcRole(user), unread: countUnread({ userId: user.id }) }
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
  // why the language whose messages are at hand: after a switch in another tab, a client-side
  // navigation can bring a language whose script this page never loaded; the page then stays in the
  // language it has until the next full load (the header's switch itself always loads the page anew).
  const wanted = data?.lng ?? DEFAULT_LANGUAGE;
  const messages = data ? catalogue(wanted) : null;
  const lng = messages ? wanted : (loadedLanguage() ?? DEFAULT_LANGUAGE);
  // why one instance per language, kept: a language's messages never change while the app runs; a
  // new instance on every revalidation would re-render every translated component for nothing, and
  // one per server render cost each page its own i18next set-up.
  const i18n = useMemo(
    () => ((messages || loadedLanguage()) && catalogueI18n(lng)) || createI18n(lng, { [lng]: { [DEFAULT_NAMESPACE]: fallbackCommon } }),
    [lng, messages],
  );
  return (
    <I18nextProvider i18n={i18n}>
      <html lang={lng}>
        <head>
          <meta charSet="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <Meta />
          <Links />
          <script nonce={nonce} dangerouslySetInnerHTML={{ __html: ZOD_JITLESS }} />
          {data ? <script nonce={nonce} src={data.messagesSrc} /> : null}
        </head>
        <body>
          <a className="skip-link" href="#main">
            {i18n.t("skipToContent")}
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
    </I18nextProvider>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
