import type { Logger } from "~/observability/logger.server";

import type { AdminClient } from "./client.server";

export type BatchResult<T, R> =
  { item: T; ok: true; value: R } | { item: T; ok: false; error: Error };

export interface BatchOptions<T, R> {
  client: AdminClient;
  signal?: AbortSignal;
  /** Items in progress at once (default 8). */
  concurrency?: number;
  /** Gets one line when the batch ends: shop, items, failures, duration. */
  log?: Logger;
  /** Called as each item finishes, in completion order. */
  onResult?: (result: BatchResult<T, R>, index: number) => void;
}

const DEFAULT_CONCURRENCY = 8;

/** The failure recorded for items the batch never started because it was cancelled. */
export class BatchCancelledError extends Error {
  constructor(options?: { cause: unknown }) {
    super("cancelled before this item started", options);
    this.name = "BatchCancelledError";
  }
}

function asError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  if (thrown instanceof Response) {
    return new Error(`Shopify refused the request (HTTP ${thrown.status})`, { cause: thrown });
  }
  return new Error(String(thrown), { cause: thrown });
}

/**
 * Runs `run` for every item with at most `concurrency` in progress, and returns one result per
 * item in the items' order. A failing item is recorded and the batch goes on. The pace follows
 * the shop's cost bucket: every Admin API call an item makes goes through the client's gate,
 * which admits calls in order only while the bucket can pay for them and keep its reserve, so
 * workers wait there instead of drawing THROTTLED answers. Cancelling stops new items; items
 * in progress see the signal.
 */
export async function runBatch<T, R>(
  items: T[],
  run: (item: T, signal: AbortSignal) => Promise<R>,
  options: BatchOptions<T, R>,
): Promise<Array<BatchResult<T, R>>> {
  const signal = options.signal ?? new AbortController().signal;
  const results = new Array<BatchResult<T, R>>(items.length);
  const workers = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, items.length));
  let next = 0;

  const record = (index: number, result: BatchResult<T, R>) => {
    results[index] = result;
    options.onResult?.(result, index);
  };

  async function work(): Promise<void> {
    for (let index = next++; index < items.length; index = next++) {
      const item = items[index] as T;
      if (signal.aborted) {
        record(index, {
          item,
          ok: false,
          error: new BatchCancelledError({ cause: signal.reason }),
        });
        continue;
      }
      try {
        record(index, { item, ok: true, value: await run(item, signal) });
      } catch (thrown) {
        record(index, { item, ok: false, error: asError(thrown) });
      }
    }
  }

  const started = performance.now();
  await Promise.all(Array.from({ length: workers }, () => work()));
  options.log?.info(
    {
      shop: options.client.shop,
      items: items.length,
      failed: results.filter((result) => !result.ok).length,
      ms: Math.round(performance.now() - started),
    },
    "admin batch finished",
  );
  return results;
}
