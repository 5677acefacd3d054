import { createRequire } from "node:module";

import type * as Profiling from "@sentry/profiling-node";
import * as Sentry from "@sentry/remix";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPCError } from "@trpc/server";

import type { ObservabilityConfig } from "./config.server";
import { isNoise } from "./noise";
import { scrubEvent } from "./scrub-event";
import { scrubValue } from "./scrub";
import { contextTags } from "./sentry-forward.server";

type Integration = ReturnType<typeof Sentry.getDefaultIntegrations>[number];
type SentryConfig = NonNullable<ObservabilityConfig["sentry"]>;

/** A refusal the caller caused (bad input, no access) is tRPC answering, not the app failing. */
function isClientError(error: unknown): boolean {
  return error instanceof TRPCError && getHTTPStatusCodeFromError(error) < 500;
}

/**
 * The CPU profiler ships prebuilt binaries for the common platforms and Node versions. Where it
 * cannot load, the app runs without profiles rather than not at all.
 */
function profilingIntegration(rate: number): {
  integrations: Integration[];
  problem?: string;
} {
  if (rate === 0) return { integrations: [] };
  try {
    const require = createRequire(import.meta.url);
    const profiling = require("@sentry/profiling-node") as typeof Profiling;
    return { integrations: [profiling.nodeProfilingIntegration()] };
  } catch (error) {
    return { integrations: [], problem: error instanceof Error ? error.message : String(error) };
  }
}

export function serverSentryOptions(config: SentryConfig) {
  const profiling = profilingIntegration(config.profilesSampleRate);

  const options: Sentry.NodeOptions = {
    dsn: config.dsn,
    environment: config.environment,
    release: config.release,
    tracesSampleRate: config.tracesSampleRate,
    // A query outside any request or job (a worker polling its queue) would otherwise become a
    // transaction of its own, many times a minute.
    tracesSampler: ({ name, parentSampled, inheritOrSampleWith }) =>
      parentSampled === undefined && name.startsWith("prisma:")
        ? 0
        : inheritOrSampleWith(config.tracesSampleRate),
    profileSessionSampleRate: config.profilesSampleRate,
    profileLifecycle: "trace",
    sendDefaultPii: false,
    integrations: [Sentry.prismaIntegration(), ...profiling.integrations],
    beforeSend: (event, hint) => {
      if (isClientError(hint.originalException) || isNoise(event, hint)) return null;
      return scrubEvent(event);
    },
    beforeSendTransaction: (event) => scrubEvent(event),
    beforeBreadcrumb: (breadcrumb) =>
      scrubValue(breadcrumb, { strings: true }) as typeof breadcrumb,
  };
  return { options, profilingProblem: profiling.problem };
}

/**
 * Initialises server-side Sentry. `overrides` exists for tests, which swap the transport for
 * one that keeps envelopes in memory.
 */
export function startServerSentry(
  config: SentryConfig,
  overrides: Partial<Sentry.NodeOptions> = {},
) {
  const { options } = serverSentryOptions(config);
  const client = Sentry.init({ ...options, ...overrides });
  // The request id, shop and route of the scope the event was captured in, as tags.
  Sentry.getGlobalScope().addEventProcessor((event) => ({
    ...event,
    tags: { ...contextTags(), ...event.tags },
  }));
  return client;
}
