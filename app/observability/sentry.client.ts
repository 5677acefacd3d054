import { useLocation, useMatches } from "@remix-run/react";
import * as Sentry from "@sentry/remix";
import { useEffect } from "react";

import type { BrowserSentryConfig } from "./browser-config";
import { isNoise } from "./noise";
import { scrubValue } from "./scrub";
import { scrubEvent } from "./scrub-event";

/** Browser Sentry, started before hydration; without a configuration nothing is set up. */
export function startBrowserSentry(config: BrowserSentryConfig | null | undefined): void {
  if (!config) return;

  Sentry.init({
    dsn: config.dsn,
    environment: config.environment,
    release: config.release,
    tracesSampleRate: config.tracesSampleRate,
    sendDefaultPii: false,
    integrations: [Sentry.browserTracingIntegration({ useEffect, useLocation, useMatches })],
    initialScope: { tags: { component: "browser" } },
    beforeSend: (event, hint) => (isNoise(event, hint) ? null : scrubEvent(event)),
    beforeSendTransaction: (event) => scrubEvent(event),
    beforeBreadcrumb: (breadcrumb) =>
      scrubValue(breadcrumb, { strings: true }) as typeof breadcrumb,
  });
}
