/**
 * The client's picture of a shop's cost bucket, as pure arithmetic over an explicit clock.
 * Shopify reports the bucket in every answer's `extensions.cost.throttleStatus`; between
 * answers the picture restores at the reported rate and loses what the client itself sends.
 */

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface BucketPicture {
  maximum: number;
  /** Points per second. */
  restoreRate: number;
  /** Points at `at`; negative while the client has taken more than it has seen restored. */
  available: number;
  /** Clock reading (ms) of `available`. */
  at: number;
}

/** Share of the bucket a paced client leaves untouched, so that it never runs dry. */
export const RESERVE_FRACTION = 0.05;

/**
 * What an answer says, less the points of requests still in flight: Shopify may not have
 * charged them yet, and counting them twice errs on the side of waiting.
 */
export function pictureFrom(status: ThrottleStatus, now: number, inFlightCost = 0): BucketPicture {
  return {
    maximum: status.maximumAvailable,
    restoreRate: status.restoreRate,
    available: status.currentlyAvailable - inFlightCost,
    at: now,
  };
}

export function availableAt(picture: BucketPicture, now: number): number {
  const seconds = Math.max(0, now - picture.at) / 1000;
  return Math.min(picture.maximum, picture.available + seconds * picture.restoreRate);
}

/** The picture after the client sends a request that may cost `cost` points. */
export function withdraw(picture: BucketPicture, cost: number, now: number): BucketPicture {
  return { ...picture, available: availableAt(picture, now) - cost, at: Math.max(now, picture.at) };
}

export function pacingReserve(picture: BucketPicture): number {
  return Math.ceil(picture.maximum * RESERVE_FRACTION);
}

/** Points that must be there before a request of `cost` starts: the cost plus the reserve. */
export function pointsNeeded(picture: BucketPicture, cost: number): number {
  return Math.min(picture.maximum, cost + pacingReserve(picture));
}

/** Milliseconds until `points` are available, 0 when they already are. */
export function msUntilAvailable(picture: BucketPicture, points: number, now: number): number {
  const missing = points - availableAt(picture, now);
  if (missing <= 0) return 0;
  return Math.ceil((missing / picture.restoreRate) * 1000);
}
