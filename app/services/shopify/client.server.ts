import type { AdminApiContext } from "@shopify/shopify-app-remix/server";
import type { z } from "zod";

import { traceAdminCall, type AdminCallReport } from "~/observability/admin-trace.server";
import { logger, type Logger } from "~/observability/logger.server";

import { DEFAULT_BACKOFF, backoffDelay, retryDelay, type BackoffPolicy } from "./backoff";
import { costGateFor, type GateSnapshot, type Permit } from "./cost-gate";
import {
  AdminAbortedError,
  AdminApiError,
  AdminThrottledError,
  AdminTransportError,
  UserErrorsError,
} from "./errors";
import type { AdminOperation, UserError } from "./operation";
import { outcomeOfBody, outcomeOfThrown, type CallCost, type CallOutcome } from "./outcome";

type Graphql = AdminApiContext["graphql"];

/** What the retry loop needs to know of an operation, whatever its data type. */
type OperationInfo = Pick<
  AdminOperation<unknown, unknown>,
  "name" | "kind" | "document" | "idempotent"
>;

export interface ExecuteOptions {
  signal?: AbortSignal;
}

export interface AdminClient {
  readonly shop: string;
  execute<V, D>(
    operation: AdminOperation<V, D>,
    variables: NoInfer<V>,
    options?: ExecuteOptions,
  ): Promise<D>;
  /** The client's current picture of the shop's cost bucket. */
  bucket(): GateSnapshot;
}

export interface AdminClientOptions {
  shop: string;
  graphql: Graphql;
  log?: Logger;
  /** Failed deliveries (5xx, 429, no answer) tolerated per call (default 8). */
  maxAttempts?: number;
  /**
   * THROTTLED answers tolerated per call (default 8, about 30 s to 1 min of backoff in all).
   * They are counted apart: Shopify ran nothing, and another client of the same shop (a second
   * app instance) can keep the bucket low for a while.
   */
  maxThrottled?: number;
  backoff?: BackoffPolicy;
  /** An attempt without an answer after this long is abandoned (default 30 s). */
  attemptTimeoutMs?: number;
}

const DEFAULT_MAX_ATTEMPTS = 8;
const DEFAULT_MAX_THROTTLED = 8;
const DEFAULT_ATTEMPT_TIMEOUT_MS = 30_000;
/** Shopify charges 10 points per mutation field; a query's cost is learned from its answers. */
const FIRST_GUESS = { mutation: 10, query: 100 } as const;

/**
 * The requested cost Shopify last reported for each operation and page size, across shops: a
 * connection's cost grows with how many nodes it asks for (`first: 250` against `first: 25`).
 */
const learnedCosts = new Map<string, number>();

function costKey(operation: OperationInfo, variables: unknown): string {
  if (typeof variables !== "object" || variables === null) return operation.name;
  const sizes = Object.entries(variables)
    .filter(([, value]) => typeof value === "number")
    .map(([name, value]) => `${name}=${String(value)}`)
    .sort();
  return sizes.length === 0 ? operation.name : `${operation.name}(${sizes.join(",")})`;
}

interface Attempt {
  operation: string;
  shop: string;
  attempt: number;
}

function reportOf(outcome: CallOutcome): AdminCallReport {
  const cost = "cost" in outcome ? outcome.cost : null;
  const bucket = cost?.throttleStatus;
  return {
    outcome: outcome.kind,
    failed: outcome.kind !== "data",
    ...(outcome.kind === "http" && { status: outcome.status }),
    cost: cost && {
      requested: cost.requested,
      actual: cost.actual,
      available: bucket?.currentlyAvailable,
      maximum: bucket?.maximumAvailable,
      restoreRate: bucket?.restoreRate,
    },
  };
}

/**
 * Every HTTP attempt of every Admin API call passes through here and gets a span of its own, so
 * that retries and the waits between them show in the trace. It logs the attempt's operation,
 * shop, cost and duration (never its variables, which may hold merchant data).
 */
export async function observeAttempt(
  attempt: Attempt,
  send: () => Promise<CallOutcome>,
  log: Logger,
): Promise<CallOutcome> {
  const started = performance.now();
  const outcome = await traceAdminCall(attempt, send, reportOf);
  const ms = Math.round(performance.now() - started);

  const cost = "cost" in outcome ? outcome.cost : null;
  const fields = {
    ...attempt,
    ms,
    outcome: outcome.kind,
    cost: { requested: cost?.requested ?? null, actual: cost?.actual ?? null },
    available: cost?.throttleStatus?.currentlyAvailable ?? null,
    ...(outcome.kind === "http" && { status: outcome.status }),
  };
  if (outcome.kind === "data") log.info(fields, "admin api call");
  else log.warn(fields, "admin api call failed");
  return outcome;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function variablesProblems(error: z.ZodError): UserError[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String),
    message: issue.message,
    code: "INVALID_VARIABLES",
  }));
}

/** A query costing more than the whole bucket would be throttled forever. */
function exceedsBucket(cost: CallCost | null): boolean {
  const maximum = cost?.throttleStatus?.maximumAvailable;
  return cost?.requested != null && maximum !== undefined && cost.requested > maximum;
}

function expectedCost(operation: OperationInfo, variables: unknown): number {
  return learnedCosts.get(costKey(operation, variables)) ?? FIRST_GUESS[operation.kind];
}

export function createAdminClient(options: AdminClientOptions): AdminClient {
  const { shop, graphql } = options;
  const log = (options.log ?? logger).child({ component: "shopify" });
  const gate = costGateFor(shop);
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const maxThrottled = options.maxThrottled ?? DEFAULT_MAX_THROTTLED;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const attemptTimeoutMs = options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;

  async function send(
    operation: OperationInfo,
    variables: unknown,
    signal: AbortSignal | undefined,
  ): Promise<CallOutcome> {
    const timeout = AbortSignal.timeout(attemptTimeoutMs);
    const attemptSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      const response = await graphql(operation.document, {
        variables: variables as Record<string, unknown>,
        // The client retries itself, knowing the bucket; the library must not retry as well.
        tries: 1,
        signal: attemptSignal,
      });
      return outcomeOfBody(await response.json());
    } catch (thrown) {
      return outcomeOfThrown(thrown);
    }
  }

  function learn(operation: OperationInfo, variables: unknown, cost: CallCost | null): void {
    if (cost?.requested != null) learnedCosts.set(costKey(operation, variables), cost.requested);
  }

  async function acquire(operation: OperationInfo, variables: unknown, signal?: AbortSignal) {
    try {
      return await gate.acquire(expectedCost(operation, variables), signal);
    } catch (reason) {
      throw new AdminAbortedError(operation.name, { cause: reason });
    }
  }

  async function pause(ms: number, operation: string, signal?: AbortSignal): Promise<void> {
    try {
      await sleep(ms, signal);
    } catch (reason) {
      throw new AdminAbortedError(operation, { cause: reason });
    }
  }

  function finish<V, D>(operation: AdminOperation<V, D>, data: unknown): D {
    const parsed = operation.data.safeParse(data);
    if (!parsed.success) {
      throw new AdminApiError(operation.name, `unexpected response: ${parsed.error.message}`);
    }
    const userErrors = operation.userErrors?.(parsed.data) ?? [];
    if (userErrors.length > 0) throw new UserErrorsError(operation.name, userErrors);
    return parsed.data;
  }

  async function execute<V, D>(
    operation: AdminOperation<V, D>,
    variables: V,
    executeOptions: ExecuteOptions = {},
  ): Promise<D> {
    const { signal } = executeOptions;
    const sendable = operation.variables.safeParse(variables);
    if (!sendable.success) {
      throw new UserErrorsError(operation.name, variablesProblems(sendable.error));
    }

    const failures = { transport: 0, throttled: 0 };
    for (let attempt = 1; ; attempt += 1) {
      const permit: Permit = await acquire(operation, sendable.data, signal);
      const outcome = await observeAttempt(
        { operation: operation.name, shop, attempt },
        () => send(operation, sendable.data, signal),
        log,
      ).catch((thrown: unknown) => {
        permit.release(null);
        throw thrown;
      });
      const cost = "cost" in outcome ? outcome.cost : null;
      permit.release(cost?.throttleStatus ?? null);
      learn(operation, sendable.data, cost);

      if (signal?.aborted) throw new AdminAbortedError(operation.name, { cause: signal.reason });
      if (outcome.kind === "data") return finish(operation, outcome.data);
      await pause(nextDelay(operation, outcome, attempt, failures), operation.name, signal);
    }
  }

  /** Milliseconds to wait before the next attempt; throws when the failure is final. */
  function nextDelay(
    operation: OperationInfo,
    outcome: Exclude<CallOutcome, { kind: "data" }>,
    attempt: number,
    failures: { transport: number; throttled: number },
  ): number {
    if (outcome.kind === "throttled") failures.throttled += 1;
    else failures.transport += 1;
    const lastAttempt = failures.transport >= maxAttempts;
    switch (outcome.kind) {
      case "graphql-errors":
        throw new AdminApiError(
          operation.name,
          outcome.errors.map((error) => error.message).join("; "),
          outcome.errors,
        );
      case "throttled":
        if (failures.throttled >= maxThrottled || exceedsBucket(outcome.cost)) {
          throw new AdminThrottledError(operation.name, attempt);
        }
        // The gate already waits for the points the answer said were missing; the growing,
        // jittered delay keeps requests throttled together from returning together, and backs
        // off from another client of the shop that keeps the bucket low.
        return backoffDelay(failures.throttled, backoff);
      case "http": {
        if (outcome.status === 429) {
          if (lastAttempt) throw new AdminThrottledError(operation.name, attempt);
          return retryDelay(failures.transport, outcome.retryAfterMs, backoff);
        }
        return transportDelay(operation, outcome.status, attempt, failures.transport, outcome);
      }
      case "network":
        return transportDelay(operation, null, attempt, failures.transport, outcome.cause);
      case "foreign":
        throw outcome.thrown;
    }
  }

  /** A 5xx or a lost connection: Shopify may have run the request, so only idempotent retry. */
  function transportDelay(
    operation: OperationInfo,
    status: number | null,
    attempt: number,
    failed: number,
    cause: unknown,
  ): number {
    const mayHaveApplied = operation.kind === "mutation";
    if (failed >= maxAttempts || !operation.idempotent) {
      throw new AdminTransportError(operation.name, attempt, status, mayHaveApplied, { cause });
    }
    return backoffDelay(failed, backoff);
  }

  return { shop, execute, bucket: () => gate.snapshot() };
}

/** For loaders, actions and procedures: the admin context `authenticate.admin` returned. */
export function adminClientForRequest(
  admin: Pick<AdminApiContext, "graphql">,
  shop: string,
  log?: Logger,
): AdminClient {
  return createAdminClient({ shop, graphql: admin.graphql, log });
}

/** For background work (jobs, webhooks): the shop's offline session, no request needed. */
export async function adminClientForShop(shop: string, log?: Logger): Promise<AdminClient> {
  // Loaded on use so that the client itself can be built without the app's Shopify instance.
  const { unauthenticated } = await import("~/shopify.server");
  const { admin } = await unauthenticated.admin(shop);
  return createAdminClient({ shop, graphql: admin.graphql, log });
}
