/**
 * What the rest of the app uses to tell Sentry about its work. Every helper is safe to call
 * without a DSN: Sentry is then not initialised and they do nothing beyond logging context.
 */
import * as Sentry from "@sentry/remix";

import { addContext } from "./context.server";
import { scrubValue } from "./scrub";
import { contextTags } from "./sentry-forward.server";

export type ShopIdentity = {
  domain: string;
  name?: string | null;
  email?: string | null;
  plan?: string | null;
};

/** The shop as Sentry's user: also handed to the page, whose own errors name the same user. */
export type ShopUser = { id: string; username: string; email?: string; plan?: string };

/**
 * Once a request, webhook or job knows its shop: the shop goes on every log line of the scope
 * and becomes the Sentry user of everything captured in it.
 */
export function identifyShop(shop: ShopIdentity): ShopUser {
  const user: ShopUser = {
    id: shop.domain,
    username: shop.name || shop.domain,
    ...(shop.email && { email: shop.email }),
    ...(shop.plan && { plan: shop.plan }),
  };
  addContext({ shop: shop.domain });
  if (Sentry.isInitialized()) {
    Sentry.setTag("shop", shop.domain);
    Sentry.setUser(user);
  }
  return user;
}

/** Named structured data shown with every event of the current scope (a bulk run, a plan). */
export function setCustomContext(name: string, data: Record<string, unknown>): void {
  if (!Sentry.isInitialized()) return;
  Sentry.setContext(name, scrubValue(data, { strings: true }) as Record<string, unknown>);
}

/** A step worth seeing in the trail that leads up to an error. */
export function addBreadcrumb(
  category: string,
  message: string,
  data?: Record<string, unknown>,
  level: Sentry.SeverityLevel = "info",
): void {
  if (!Sentry.isInitialized()) return;
  Sentry.addBreadcrumb({
    category,
    message,
    level,
    ...(data && { data: scrubValue(data, { strings: true }) as Record<string, unknown> }),
  });
}

/**
 * Captures an error handled by the caller, tagged with where it happened. Logging the same error
 * afterwards does not send it again.
 */
export function captureWithContext(
  error: unknown,
  where: { component: string; operation: string; extra?: Record<string, unknown> },
): string | undefined {
  if (!Sentry.isInitialized()) return undefined;
  return Sentry.captureException(error, {
    tags: { ...contextTags(), component: where.component, operation: where.operation },
    ...(where.extra && {
      extra: scrubValue(where.extra, { strings: true }) as Record<string, unknown>,
    }),
  });
}

/**
 * Marks the causes of an error as sent. An integration that captures a wrapping error (tRPC's
 * TRPCError around the real failure) sends the causes with it; logging a cause later must not
 * send it a second time.
 */
export function markCausesCaptured(error: unknown): void {
  let cause = error instanceof Error ? error.cause : undefined;
  for (let depth = 0; cause instanceof Error && depth < 5; depth += 1) {
    Object.defineProperty(cause, "__sentry_captured__", { value: true, configurable: true });
    cause = cause.cause;
  }
}
