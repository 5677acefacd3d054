import { env } from "~/env.server";

import { observabilityConfig } from "./config.server";
import type { BrowserSentryConfig } from "./browser-config";

const sentry = observabilityConfig(env).sentry;

/**
 * What the page needs to report its own errors: the DSN (public by design: Sentry's browser
 * SDK always ships it), environment, release and trace sample rate. Nothing else leaves here.
 */
export function browserSentryConfig(): BrowserSentryConfig | null {
  if (!sentry) return null;
  return {
    dsn: sentry.dsn,
    environment: sentry.environment,
    release: sentry.release,
    tracesSampleRate: sentry.tracesSampleRate,
  };
}
