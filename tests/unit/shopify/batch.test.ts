import { describe, expect, it } from "vitest";

import { BatchCancelledError, runBatch } from "~/services/shopify/batch.server";
import type { AdminClient } from "~/services/shopify/client.server";

const client = { shop: "batch-test.myshopify.com" } as AdminClient;

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("runBatch", () => {
  it("keeps the items' order in its results, whatever order they finish in", async () => {
    const results = await runBatch(
      [30, 10, 20],
      async (ms) => {
        await new Promise((resolve) => setTimeout(resolve, ms));
        return ms * 2;
      },
      { client, concurrency: 3 },
    );

    expect(results).toEqual([
      { item: 30, ok: true, value: 60 },
      { item: 10, ok: true, value: 20 },
      { item: 20, ok: true, value: 40 },
    ]);
  });

  it("records a failing item and goes on with the others", async () => {
    const results = await runBatch(
      ["a", "b", "c"],
      async (item) => {
        await tick();
        if (item === "b") throw new Error("b is broken");
        return item.toUpperCase();
      },
      { client },
    );

    expect(results.map((result) => result.ok)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({ item: "b", ok: false, error: { message: "b is broken" } });
  });

  it("never has more items in progress than its concurrency", async () => {
    let running = 0;
    let most = 0;

    await runBatch(
      Array.from({ length: 40 }, (_, index) => index),
      async () => {
        running += 1;
        most = Math.max(most, running);
        await tick();
        running -= 1;
      },
      { client, concurrency: 4 },
    );

    expect(most).toBe(4);
  });

  it("starts no new item once cancelled, and says so for each item left", async () => {
    const controller = new AbortController();
    const started: number[] = [];

    const results = await runBatch(
      [1, 2, 3, 4, 5],
      async (item, signal) => {
        started.push(item);
        if (item === 2) controller.abort(new Error("merchant cancelled"));
        await tick();
        return signal.aborted;
      },
      { client, signal: controller.signal, concurrency: 1 },
    );

    expect(started).toEqual([1, 2]);
    expect(results[1]).toEqual({ item: 2, ok: true, value: true });
    expect(results.slice(2).map((result) => !result.ok && result.error)).toEqual([
      expect.any(BatchCancelledError),
      expect.any(BatchCancelledError),
      expect.any(BatchCancelledError),
    ]);
  });

  it("turns a thrown Response into an error carrying it", async () => {
    const refused = new Response(null, { status: 401 });

    const [result] = await runBatch(
      [1],
      () => {
        throw refused;
      },
      { client },
    );

    expect(result).toMatchObject({ ok: false, error: { cause: refused } });
  });
});
