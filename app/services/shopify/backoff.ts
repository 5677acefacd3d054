/** How long to wait before retrying a failed Admin API request. */
export interface BackoffPolicy {
  /** The delay ceiling after the first failure; it doubles with each further failure. */
  baseMs: number;
  /** No delay exceeds this. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 250, maxMs: 20_000 };

/**
 * The delay after the `failures`-th failed attempt: exponential, capped, with "equal jitter"
 * (half fixed, half random) so that requests failing together do not retry together, yet each
 * still waits at least half its step.
 */
export function backoffDelay(
  failures: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** A server's Retry-After wins when it asks for more than the backoff would wait. */
export function retryDelay(
  failures: number,
  retryAfterMs: number | null,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const backoff = backoffDelay(failures, policy, random);
  return retryAfterMs === null ? backoff : Math.max(backoff, Math.min(retryAfterMs, policy.maxMs));
}
