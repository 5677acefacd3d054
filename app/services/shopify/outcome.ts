/**
 * What one Admin API request came to, read from what shopify-api returned or threw:
 * data, GraphQL errors, THROTTLED, an HTTP error status, a network failure, or something the
 * client must not touch (a thrown Response, for example the 401 of a revoked token).
 */
import {
  GraphqlQueryError,
  HttpRequestError,
  HttpResponseError,
  HttpThrottlingError,
} from "@shopify/shopify-api";
import { z } from "zod";

import type { ThrottleStatus } from "./bucket";
import type { GraphqlErrorDetail } from "./errors";

export interface CallCost {
  requested: number | null;
  actual: number | null;
  throttleStatus: ThrottleStatus | null;
}

export type CallOutcome =
  | { kind: "data"; data: unknown; cost: CallCost | null }
  | { kind: "graphql-errors"; errors: GraphqlErrorDetail[]; cost: CallCost | null }
  | { kind: "throttled"; cost: CallCost | null }
  | { kind: "http"; status: number; retryAfterMs: number | null }
  | { kind: "network"; cause: unknown }
  | { kind: "foreign"; thrown: unknown };

const costExtension = z.object({
  requestedQueryCost: z.number().nullish(),
  actualQueryCost: z.number().nullish(),
  throttleStatus: z
    .object({
      maximumAvailable: z.number(),
      currentlyAvailable: z.number(),
      restoreRate: z.number(),
    })
    .nullish(),
});

const graphqlError = z.object({
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
  extensions: z.record(z.string(), z.unknown()).optional(),
});

export function costOf(extensions: unknown): CallCost | null {
  const parsed = z.object({ cost: costExtension }).safeParse(extensions);
  if (!parsed.success) return null;
  const { cost } = parsed.data;
  return {
    requested: cost.requestedQueryCost ?? null,
    actual: cost.actualQueryCost ?? null,
    throttleStatus: cost.throttleStatus ?? null,
  };
}

/** The body admin.graphql resolves with: `{ data, extensions, headers }`. */
export function outcomeOfBody(body: unknown): CallOutcome {
  const parsed = z
    .object({ data: z.unknown().optional(), extensions: z.unknown().optional() })
    .safeParse(body);
  if (!parsed.success) return { kind: "data", data: undefined, cost: null };
  return { kind: "data", data: parsed.data.data, cost: costOf(parsed.data.extensions) };
}

function outcomeOfGraphqlErrors(error: GraphqlQueryError): CallOutcome {
  const body = z
    .object({
      errors: z.object({ graphQLErrors: z.array(z.unknown()).optional() }).optional(),
      extensions: z.unknown().optional(),
    })
    .safeParse(error.body);
  const raw = body.success ? (body.data.errors?.graphQLErrors ?? []) : [];
  const cost = body.success ? costOf(body.data.extensions) : null;
  const errors = raw.map((entry) => {
    const detail = graphqlError.safeParse(entry);
    return detail.success ? detail.data : { message: String(entry) };
  });

  if (errors.some((detail) => detail.extensions?.code === "THROTTLED")) {
    return { kind: "throttled", cost };
  }
  return {
    kind: "graphql-errors",
    errors: errors.length ? errors : [{ message: error.message }],
    cost,
  };
}

function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

function retryAfterMs(value: string | null | undefined): number | null {
  const seconds = value ? Number.parseFloat(value) : Number.NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

/** A Response thrown by shopify-app-remix, or an error carrying one (the tRPC layer's). */
function thrownResponse(thrown: unknown): Response | null {
  if (thrown instanceof Response) return thrown;
  const carried = (thrown as { response?: unknown } | null)?.response;
  return thrown instanceof Error && carried instanceof Response ? carried : null;
}

function isNetworkFailure(thrown: unknown): boolean {
  return thrown instanceof TypeError && thrown.message === "fetch failed";
}

export function outcomeOfThrown(thrown: unknown): CallOutcome {
  if (thrown instanceof GraphqlQueryError) return outcomeOfGraphqlErrors(thrown);
  if (thrown instanceof HttpThrottlingError) {
    const retryAfter = thrown.response.retryAfter;
    return { kind: "http", status: 429, retryAfterMs: retryAfter ? retryAfter * 1000 : null };
  }
  if (thrown instanceof HttpResponseError && isRetryableStatus(thrown.response.code)) {
    return { kind: "http", status: thrown.response.code, retryAfterMs: null };
  }
  if (thrown instanceof HttpRequestError || isNetworkFailure(thrown)) {
    return { kind: "network", cause: thrown };
  }

  const response = thrownResponse(thrown);
  if (response && isRetryableStatus(response.status)) {
    return {
      kind: "http",
      status: response.status,
      retryAfterMs: retryAfterMs(response.headers.get("Retry-After")),
    };
  }
  return { kind: "foreign", thrown };
}
