import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

import { BROWSER_CONFIG_GLOBAL } from "~/observability/browser-config";
import { startBrowserSentry } from "~/observability/sentry.client";

// Before hydration, so that an error while hydrating is reported too.
startBrowserSentry(window[BROWSER_CONFIG_GLOBAL]);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
