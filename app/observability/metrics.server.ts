import { createRequire } from "node:module";

import type * as SentryModule from "@sentry/remix";

// Node's ESM view of Sentry's CommonJS build lacks `metrics`: it is re-exported from
// @sentry/node in a form Node's export detection misses. `require` sees every export.
const { metrics } = createRequire(import.meta.url)("@sentry/remix") as typeof SentryModule;

type Attributes = Record<string, string | number | boolean>;
type Unit = "millisecond" | "second" | "byte" | "none";

/**
 * Metrics through Sentry's current API (`Sentry.metrics`), batched by the SDK and sent with the
 * other telemetry. Without a DSN there is no client and these are no-ops.
 */
export function countMetric(name: string, value = 1, attributes?: Attributes): void {
  metrics.count(name, value, attributes && { attributes });
}

export function distributionMetric(
  name: string,
  value: number,
  unit: Unit,
  attributes?: Attributes,
): void {
  metrics.distribution(name, value, { unit, ...(attributes && { attributes }) });
}

export function gaugeMetric(
  name: string,
  value: number,
  unit: Unit,
  attributes?: Attributes,
): void {
  metrics.gauge(name, value, { unit, ...(attributes && { attributes }) });
}
