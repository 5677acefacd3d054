import * as Sentry from "@sentry/remix";

import { countMetric, distributionMetric } from "./metrics.server";
import { addBreadcrumb } from "./sentry.server";

/** What Shopify reports in `extensions.cost` of an Admin GraphQL answer. */
export type AdminCallCost = {
  requested?: number | null;
  actual?: number | null;
  /** Points left in the shop's bucket after the call. */
  available?: number | null;
};

/** What the caller makes of an answer: how it ended, and what it cost. */
export type AdminCallReport = {
  /** A short word for the metric: "data", "throttled", "http", ... (default "ok"). */
  outcome?: string;
  /** An answer that is a failure although nothing was thrown (THROTTLED, a 5xx). */
  failed?: boolean;
  cost?: AdminCallCost | null;
};

const SPAN_ERROR = 2;

function setCost(span: Sentry.Span, cost: AdminCallCost) {
  for (const [key, value] of Object.entries(cost)) {
    if (typeof value === "number") span.setAttribute(`shopify.cost.${key}`, value);
  }
}

/**
 * Runs one Admin GraphQL request inside a span named after its operation and records what it
 * cost: span attributes, a breadcrumb, and metrics for calls, duration and points spent.
 *
 *   traceAdminCall(name, () => send(), (answer) => ({ outcome, failed, cost }))
 */
export async function traceAdminCall<T>(
  operation: string,
  call: () => Promise<T>,
  report?: (result: T) => AdminCallReport,
): Promise<T> {
  return Sentry.startSpan(
    {
      name: `Admin GraphQL ${operation}`,
      op: "http.graphql",
      attributes: { "graphql.operation.name": operation, "shopify.api": "admin" },
    },
    async (span) => {
      const startedAt = performance.now();
      let outcome = "error";
      try {
        const result = await call();
        const { outcome: described = "ok", failed = false, cost } = report?.(result) ?? {};
        outcome = described;
        if (cost) setCost(span, cost);
        if (failed) span.setStatus({ code: SPAN_ERROR, message: outcome });
        addBreadcrumb("shopify.admin", `${operation}: ${outcome}`, { ...cost });
        if (typeof cost?.actual === "number") {
          distributionMetric("shopify.graphql.cost", cost.actual, "none", { operation });
        }
        return result;
      } catch (error) {
        span.setStatus({ code: SPAN_ERROR, message: "internal_error" });
        throw error;
      } finally {
        const ms = performance.now() - startedAt;
        countMetric("shopify.graphql.calls", 1, { operation, outcome });
        distributionMetric("shopify.graphql.duration", ms, "millisecond", { operation, outcome });
      }
    },
  );
}
