import * as Sentry from "@sentry/remix";

import type { Service } from "~/lifecycle.server";

import { createScope, runInScope } from "./context.server";
import { logger } from "./logger.server";
import { distributionMetric } from "./metrics.server";
import { routeIdFor } from "./route-id.server";

const FLUSH_TIMEOUT_MS = 2_000;

/** Reports how Sentry was set up at start, and sends what is still queued when stopping. */
const sentryService: Service = {
  name: "sentry",
  start: async () => {
    const client = Sentry.getClient<Sentry.NodeClient>();
    const options = client?.getOptions();
    if (!options?.dsn) {
      logger.info("Sentry is off: SENTRY_DSN is not set, nothing is sent");
      return;
    }
    const profilesRequested = (options.profileSessionSampleRate ?? 0) > 0;
    const profiling = Boolean(client?.getIntegrationByName("ProfilingIntegration"));
    logger.info(
      {
        sentryHost: new URL(options.dsn).host,
        tracesSampleRate: options.tracesSampleRate,
        profiling,
      },
      "Sentry is on",
    );
    if (profilesRequested && !profiling) {
      logger.warn("SENTRY_PROFILES_SAMPLE_RATE is set but the CPU profiler could not be loaded");
    }
  },
  stop: async () => {
    await Sentry.close(FLUSH_TIMEOUT_MS);
  },
};

/**
 * What server.ts needs for observability, handed over through the Remix build like the rest of
 * the runtime (docs/decisions/005): the context scope every request runs in, the route a path
 * resolves to, and Sentry's start and flush.
 */
export const requestObservability = {
  createScope,
  runInScope,
  routeIdFor,
  sentryService,
  recordRequest(request: { method: string; route: string; status: number; ms: number }) {
    distributionMetric("http.server.duration", request.ms, "millisecond", {
      method: request.method,
      route: request.route,
      status: request.status,
    });
  },
};

export type RequestObservability = typeof requestObservability;
