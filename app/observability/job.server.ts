import { randomUUID } from "node:crypto";

import * as Sentry from "@sentry/remix";

import type { Logger } from "./create-logger.server";
import { runInScope, type LogContext } from "./context.server";
import { countMetric, distributionMetric } from "./metrics.server";
import { identifyShop } from "./sentry.server";

export type JobOptions = {
  /** Where the job's start and finish are logged. */
  log: Logger;
  /** The shop the job works for, when it works for one. */
  shop?: string;
  /** The record the job works through (a bulk run), when it has one. */
  runId?: string;
};

async function timed<T>(job: string, log: Logger, run: () => Promise<T>): Promise<T> {
  const startedAt = performance.now();
  log.info("job started");
  let outcome = "error";
  try {
    const result = await run();
    outcome = "ok";
    return result;
  } finally {
    const ms = Math.round(performance.now() - startedAt);
    countMetric("job.runs", 1, { job, outcome });
    distributionMetric("job.duration", ms, "millisecond", { job, outcome });
    log.info({ outcome, ms }, "job finished");
  }
}

/**
 * Runs one execution of a background job in scopes of its own, however it was started: log
 * lines carry the job, a fresh `jobId`, the shop and run id, and nothing of the request that
 * woke it (which usually answered long before the job ends); Sentry events get a clean
 * isolation scope and the job its own trace, linked to the trigger's. Records how long it took
 * and how it ended.
 */
export function observeJob<T>(job: string, options: JobOptions, run: () => Promise<T>): Promise<T> {
  const { log, shop, runId } = options;
  const jobId = randomUUID();
  const fields: LogContext = { job, jobId, ...(shop && { shop }), ...(runId && { runId }) };
  // The request (or job) that started this one, for the job's trace to point back to.
  const trigger = Sentry.getActiveSpan();
  const links = trigger && [{ context: trigger.spanContext() }];

  return Sentry.withIsolationScope(new Sentry.Scope(), (scope) =>
    runInScope(fields, () =>
      Sentry.startNewTrace(() => {
        scope.setTags({ component: "job", operation: job, job, jobId, ...(runId && { runId }) });
        if (shop) identifyShop({ domain: shop });
        return Sentry.startSpan(
          { name: `job ${job}`, op: "job", forceTransaction: true, ...(links && { links }) },
          () => timed(job, log, run),
        );
      }),
    ),
  );
}
