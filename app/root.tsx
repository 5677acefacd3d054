import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { captureRemixErrorBoundaryError, setTag, setUser, withSentry } from "@sentry/remix";
import type { ReactNode } from "react";

import { browserSentryConfig } from "~/observability/browser-config.server";
import { BROWSER_CONFIG_GLOBAL } from "~/observability/browser-config";
import type { loader as appLoader } from "~/routes/app";

export function loader() {
  return { sentry: browserSentryConfig() };
}

/** JSON inside a script element: `<` escaped so that no value can close the element. */
function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/**
 * Names the shop as the user of the page's own Sentry events, during render rather than in an
 * effect, so that an error in the first render already carries it.
 */
function useSentryScope() {
  const app = useRouteLoaderData<typeof appLoader>("routes/app");
  const route = useMatches().at(-1)?.id;
  const user = app?.shopUser;

  if (typeof document === "undefined") return;
  if (user) {
    setUser(user);
    setTag("shop", user.id);
  }
  if (route) setTag("route", route);
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  useSentryScope();

  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
        <Meta />
        <Links />
        <script
          dangerouslySetInnerHTML={{
            __html: `window.${BROWSER_CONFIG_GLOBAL}=${inlineJson(data?.sentry ?? null)};`,
          }}
        />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

function App() {
  return <Outlet />;
}

export default withSentry(App);

/** What no route below handled: reported to Sentry from the browser, then a plain message. */
export function ErrorBoundary() {
  const error = useRouteError();
  captureRemixErrorBoundaryError(error);

  return (
    <main style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
      <h1>Something went wrong</h1>
      <p>Reload the page to try again. If it keeps happening, contact support.</p>
    </main>
  );
}
