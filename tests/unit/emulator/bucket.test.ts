import { describe, expect, it } from "vitest";

import {
  fullBucket,
  refund,
  restore,
  secondsUntilAvailable,
  take,
  throttleStatus,
  type BucketConfig,
} from "../../../emulator/shopify/bucket";

const STANDARD: BucketConfig = { size: 2000, restoreRate: 100 };
const T0 = 1_000_000;

describe("leaky bucket", () => {
  it("starts full", () => {
    expect(throttleStatus(fullBucket(STANDARD, T0), STANDARD)).toEqual({
      maximumAvailable: 2000,
      currentlyAvailable: 2000,
      restoreRate: 100,
    });
  });

  it("takes the requested cost when the bucket holds enough", () => {
    const result = take(fullBucket(STANDARD, T0), STANDARD, 352, T0);

    expect(result.granted).toBe(true);
    expect(result.bucket.available).toBe(1648);
  });

  it("drains over several requests and refuses the one that does not fit", () => {
    let bucket = fullBucket(STANDARD, T0);
    for (let request = 0; request < 3; request += 1) {
      const result = take(bucket, STANDARD, 600, T0);
      expect(result.granted).toBe(true);
      bucket = result.bucket;
    }

    const refused = take(bucket, STANDARD, 600, T0);

    expect(refused.granted).toBe(false);
    expect(refused.bucket.available).toBe(200);
  });

  it("restores at the restore rate, up to the bucket size", () => {
    const drained = { available: 0, at: T0 };

    expect(restore(drained, STANDARD, T0 + 1500).available).toBe(150);
    expect(restore(drained, STANDARD, T0 + 60_000).available).toBe(2000);
    expect(restore(drained, STANDARD, T0 - 5000).available).toBe(0);
  });

  it("lets a refused request through once enough points have come back", () => {
    const low = { available: 50, at: T0 };

    expect(take(low, STANDARD, 250, T0).granted).toBe(false);
    expect(secondsUntilAvailable(low, STANDARD, 250, T0)).toBe(2);
    expect(take(low, STANDARD, 250, T0 + 2000).granted).toBe(true);
  });

  it("refunds the difference between requested and actual cost, never above the size", () => {
    const taken = take(fullBucket(STANDARD, T0), STANDARD, 252, T0).bucket;

    expect(refund(taken, STANDARD, 252 - 12, T0).available).toBe(1988);
    expect(refund(taken, STANDARD, 5000, T0).available).toBe(2000);
  });

  it("reports whole points available", () => {
    const bucket = restore({ available: 10, at: T0 }, STANDARD, T0 + 1234);

    expect(throttleStatus(bucket, STANDARD).currentlyAvailable).toBe(133);
  });
});
