import * as Sentry from "@sentry/remix";

import { countMetric, distributionMetric } from "./metrics.server";
import { addBreadcrumb } from "./sentry.server";

/** Which request this is: the operation, for which shop, and which try of the call. */
export type AdminCall = {
  operation: string;
  shop?: string;
  attempt?: number;
};

/** What Shopify reports in `extensions.cost` of an Admin GraphQL answer. */
export type AdminCallCost = {
  requested?: number | null;
  actual?: number | null;
  /** The shop's bucket after the call: points left, its size, and points restored a second. */
  available?: number | null;
  maximum?: number | null;
  restoreRate?: number | null;
};

/** What the caller makes of an answer: how it ended, and what it cost. */
export type AdminCallReport = {
  /** A short word for the metric: "data", "throttled", "http", ... (default "ok"). */
  outcome?: string;
  /** An answer that is a failure although nothing was thrown (THROTTLED, a 5xx). */
  failed?: boolean;
  /** The HTTP status of an answer that never reached GraphQL. */
  status?: number;
  cost?: AdminCallCost | null;
};

const SPAN_ERROR = 2;

const COST_ATTRIBUTES: Record<keyof AdminCallCost, string> = {
  requested: "shopify.cost.requested",
  actual: "shopify.cost.actual",
  available: "shopify.throttle.available",
  maximum: "shopify.throttle.maximum",
  restoreRate: "shopify.throttle.restore_rate",
};

function callAttributes(call: AdminCall): Record<string, string | number> {
  return {
    "graphql.operation.name": call.operation,
    "shopify.api": "admin",
    ...(call.shop && { "shopify.shop": call.shop }),
    ...(call.attempt !== undefined && { "shopify.attempt": call.attempt }),
  };
}

/** One of Sentry's span statuses, so that throttling and outages can be told apart in traces. */
function failureStatus(report: AdminCallReport, outcome: string): string {
  if (outcome === "throttled" || report.status === 429) return "resource_exhausted";
  if (outcome === "network" || (report.status ?? 0) >= 500) return "unavailable";
  return "internal_error";
}

function annotate(span: Sentry.Span, report: AdminCallReport, outcome: string): void {
  span.setAttribute("shopify.outcome", outcome);
  if (report.status !== undefined) span.setAttribute("http.response.status_code", report.status);
  for (const [key, name] of Object.entries(COST_ATTRIBUTES)) {
    const value = report.cost?.[key as keyof AdminCallCost];
    if (typeof value === "number") span.setAttribute(name, value);
  }
  if (report.failed) span.setStatus({ code: SPAN_ERROR, message: failureStatus(report, outcome) });
}

/**
 * Runs one Admin GraphQL request inside a span named after its operation and records what it
 * cost: span attributes, a breadcrumb, and metrics for calls, duration and points spent.
 *
 *   traceAdminCall({ operation, shop, attempt }, () => send(), (answer) => ({ outcome, cost }))
 */
export async function traceAdminCall<T>(
  call: AdminCall,
  send: () => Promise<T>,
  report?: (result: T) => AdminCallReport,
): Promise<T> {
  const { operation } = call;
  return Sentry.startSpan(
    { name: `Admin GraphQL ${operation}`, op: "http.graphql", attributes: callAttributes(call) },
    async (span) => {
      const startedAt = performance.now();
      let outcome = "error";
      try {
        const result = await send();
        const described = report?.(result) ?? {};
        outcome = described.outcome ?? "ok";
        annotate(span, described, outcome);
        addBreadcrumb("shopify.admin", `${operation}: ${outcome}`, {
          ...(call.attempt !== undefined && { attempt: call.attempt }),
          ...described.cost,
        });
        if (typeof described.cost?.actual === "number") {
          distributionMetric("shopify.graphql.cost", described.cost.actual, "none", { operation });
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
