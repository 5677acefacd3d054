import { describe, expect, it } from "vitest";

import { backoffDelay, retryDelay, type BackoffPolicy } from "~/services/shopify/backoff";

const POLICY: BackoffPolicy = { baseMs: 200, maxMs: 5_000 };
const lowest = () => 0;
const highest = () => 0.999999;

describe("backoffDelay", () => {
  it("doubles the step with each failure, between half the step and the step", () => {
    const ranges = [1, 2, 3, 4].map((failures) => [
      backoffDelay(failures, POLICY, lowest),
      backoffDelay(failures, POLICY, highest),
    ]);

    expect(ranges).toEqual([
      [100, 200],
      [200, 400],
      [400, 800],
      [800, 1600],
    ]);
  });

  it("never waits longer than the policy's ceiling", () => {
    expect(backoffDelay(30, POLICY, highest)).toBe(5_000);
    expect(backoffDelay(30, POLICY, lowest)).toBe(2_500);
  });

  it("spreads retries of requests that failed together", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(3, POLICY, random)));

    expect(delays.size).toBeGreaterThan(15);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(400);
  });
});

describe("retryDelay", () => {
  it("waits as long as the server's Retry-After when that is longer", () => {
    expect(retryDelay(1, 2_000, POLICY, lowest)).toBe(2_000);
  });

  it("keeps the backoff when Retry-After is shorter, and caps what the server asks", () => {
    expect(retryDelay(4, 100, POLICY, lowest)).toBe(800);
    expect(retryDelay(1, 60_000, POLICY, lowest)).toBe(5_000);
  });
});
