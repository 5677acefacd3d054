import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { CostGate, type Permit } from "~/services/shopify/cost-gate";

const status = (currentlyAvailable: number) => ({
  maximumAvailable: 200,
  currentlyAvailable,
  restoreRate: 10,
});

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});

afterEach(() => {
  vi.useRealTimers();
});

function admitted(promise: Promise<Permit>): { permit: Permit | null } {
  const state: { permit: Permit | null } = { permit: null };
  void promise.then((permit) => {
    state.permit = permit;
  });
  return state;
}

describe("CostGate", () => {
  it("lets one request through until the first answer tells the bucket's size", async () => {
    const gate = new CostGate();

    const first = admitted(gate.acquire(10));
    const second = admitted(gate.acquire(10));
    await vi.advanceTimersByTimeAsync(0);
    expect(first.permit).not.toBeNull();
    expect(second.permit).toBeNull();

    first.permit?.release(status(190));
    await vi.advanceTimersByTimeAsync(0);
    expect(second.permit).not.toBeNull();
  });

  it("holds a request until the bucket can pay for it and keep its reserve", async () => {
    const gate = new CostGate();
    (await gate.acquire(10)).release(status(15));

    const waiting = admitted(gate.acquire(10));
    await vi.advanceTimersByTimeAsync(499);
    expect(waiting.permit).toBeNull();

    // 10 points plus the 5% reserve of a 200-point bucket: 20 points, 0.5 s at 10 per second.
    await vi.advanceTimersByTimeAsync(1);
    expect(waiting.permit).not.toBeNull();
    expect(gate.snapshot()).toMatchObject({ available: 10, inFlight: 1, waiting: 0 });
  });

  it("admits in arrival order: a cheap request never overtakes an expensive one", async () => {
    const gate = new CostGate();
    (await gate.acquire(10)).release(status(0));

    const order: string[] = [];
    void gate.acquire(100).then(() => order.push("expensive"));
    void gate.acquire(10).then(() => order.push("cheap"));
    await vi.advanceTimersByTimeAsync(10_999);
    expect(order).toEqual([]);

    await vi.advanceTimersByTimeAsync(2_000);
    expect(order).toEqual(["expensive", "cheap"]);
  });

  it("counts requests in flight against a newer answer", async () => {
    const gate = new CostGate();
    (await gate.acquire(10)).release(status(200));

    const inFlight = await gate.acquire(50);
    gate.observe(status(100));

    expect(gate.snapshot().available).toBe(50);
    inFlight.release(status(100));
    expect(gate.snapshot().available).toBe(100);
  });

  it("stops waiting when the signal fires, and lets the next request go", async () => {
    const gate = new CostGate();
    (await gate.acquire(10)).release(status(0));
    const controller = new AbortController();

    const cancelled = gate.acquire(150, controller.signal);
    const next = admitted(gate.acquire(10));
    controller.abort(new Error("stop"));

    await expect(cancelled).rejects.toThrow("stop");
    await vi.advanceTimersByTimeAsync(2_000);
    expect(next.permit).not.toBeNull();
    expect(gate.snapshot().waiting).toBe(0);
  });
});
