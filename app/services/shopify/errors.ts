import type { UserError } from "./operation";

/** One entry of a GraphQL response's `errors`, as Shopify sends it. */
export interface GraphqlErrorDetail {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

/**
 * The Admin API did not do what an operation asked: GraphQL errors, a response that does not
 * match the operation's schema, or (through the subclasses) user errors, throttling, transport
 * failures and cancellation. The message always names the operation.
 */
export class AdminApiError extends Error {
  constructor(
    readonly operation: string,
    message: string,
    readonly errors: GraphqlErrorDetail[] = [],
    options?: { cause: unknown },
  ) {
    super(`Admin API operation ${operation} failed: ${message}`, options);
    this.name = "AdminApiError";
  }
}

function describeUserErrors(userErrors: UserError[]): string {
  return userErrors
    .map((error) => (error.field?.length ? `${error.field.join(".")}: ` : "") + error.message)
    .join("; ");
}

/** Shopify refused the input of a mutation; each entry names the input field it is about. */
export class UserErrorsError extends AdminApiError {
  constructor(
    operation: string,
    readonly userErrors: UserError[],
  ) {
    super(operation, describeUserErrors(userErrors));
    this.name = "UserErrorsError";
  }
}

/** Shopify kept answering THROTTLED (or HTTP 429) until the client stopped retrying. */
export class AdminThrottledError extends AdminApiError {
  constructor(
    operation: string,
    readonly attempts: number,
    options?: { cause: unknown },
  ) {
    super(operation, `throttled by Shopify after ${attempts} attempts`, [], options);
    this.name = "AdminThrottledError";
  }
}

/**
 * The request did not get a usable answer: a network failure, a timeout or an HTTP 5xx, after
 * the retries allowed. `mayHaveApplied` is true when Shopify could have run a mutation anyway.
 */
export class AdminTransportError extends AdminApiError {
  constructor(
    operation: string,
    readonly attempts: number,
    readonly status: number | null,
    readonly mayHaveApplied: boolean,
    options?: { cause: unknown },
  ) {
    const what = status === null ? "no response" : `HTTP ${status}`;
    super(operation, `${what} after ${attempts} attempts`, [], options);
    this.name = "AdminTransportError";
  }
}

/** The caller's AbortSignal fired while the operation waited, ran or was about to retry. */
export class AdminAbortedError extends AdminApiError {
  constructor(operation: string, options?: { cause: unknown }) {
    super(operation, "cancelled", [], options);
    this.name = "AdminAbortedError";
  }
}
