import { randomUUID } from "node:crypto";

import * as Sentry from "@sentry/remix";

import { runWithContext } from "./context.server";
import { countMetric, distributionMetric } from "./metrics.server";

/**
 * Runs one job execution in its own context scope (job name and run id on every log line), its
 * own Sentry scope and transaction, and records how long it took and how it ended.
 */
export function observeJob<T>(
  job: string,
  run: (runId: string) => Promise<T>,
  runId: string = randomUUID(),
): Promise<T> {
  return Sentry.withIsolationScope((scope) => {
    scope.setTags({ component: "job", operation: job, job, runId });
    return runWithContext({ job, runId }, () =>
      Sentry.startSpan({ name: `job ${job}`, op: "job", forceTransaction: true }, async () => {
        const startedAt = performance.now();
        let outcome = "error";
        try {
          const result = await run(runId);
          outcome = "ok";
          return result;
        } finally {
          const ms = performance.now() - startedAt;
          countMetric("job.runs", 1, { job, outcome });
          distributionMetric("job.duration", ms, "millisecond", { job, outcome });
        }
      }),
    );
  });
}
