/**
 * Shopify's leaky bucket for Admin GraphQL, as pure arithmetic over an explicit clock.
 *
 * A request may start when the bucket holds at least its requested cost; that cost is taken
 * up front and the difference to the actual cost is given back once the query has run.
 * Points flow back continuously at the restore rate up to the bucket size.
 */

export type BucketConfig = {
  /** Points the bucket holds when full (Shopify's `maximumAvailable`). */
  size: number;
  /** Points restored per second. */
  restoreRate: number;
};

export type Bucket = {
  available: number;
  /** Clock reading (ms) at which `available` was last computed. */
  at: number;
};

export type ThrottleStatus = {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
};

export type TakeResult = { granted: boolean; bucket: Bucket };

/** Shopify's Standard plan: 100 points a second; 2,000-point buckets are seen in responses. */
export const DEFAULT_BUCKET: BucketConfig = { size: 2000, restoreRate: 100 };

export function fullBucket(config: BucketConfig, now: number): Bucket {
  return { available: config.size, at: now };
}

export function restore(bucket: Bucket, config: BucketConfig, now: number): Bucket {
  const elapsedSeconds = Math.max(0, now - bucket.at) / 1000;
  const available = Math.min(config.size, bucket.available + elapsedSeconds * config.restoreRate);
  return { available, at: Math.max(now, bucket.at) };
}

export function take(bucket: Bucket, config: BucketConfig, cost: number, now: number): TakeResult {
  const current = restore(bucket, config, now);
  if (current.available < cost) return { granted: false, bucket: current };
  return { granted: true, bucket: { available: current.available - cost, at: current.at } };
}

export function refund(bucket: Bucket, config: BucketConfig, points: number, now: number): Bucket {
  const current = restore(bucket, config, now);
  const available = Math.min(config.size, current.available + Math.max(0, points));
  return { available, at: current.at };
}

/** Seconds until `cost` points are available, 0 when they already are. */
export function secondsUntilAvailable(
  bucket: Bucket,
  config: BucketConfig,
  cost: number,
  now: number,
): number {
  const missing = cost - restore(bucket, config, now).available;
  return missing <= 0 ? 0 : missing / config.restoreRate;
}

export function throttleStatus(bucket: Bucket, config: BucketConfig): ThrottleStatus {
  return {
    maximumAvailable: config.size,
    currentlyAvailable: Math.floor(bucket.available),
    restoreRate: config.restoreRate,
  };
}
