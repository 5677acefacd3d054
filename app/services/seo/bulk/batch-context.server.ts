import type { Database } from "~/db.server";
import type { Logger } from "~/observability/logger.server";
import { BatchCancelledError, runBatch } from "~/services/shopify/batch.server";
import type { AdminClient } from "~/services/shopify/client.server";

import { mirrorSeoChange, type SeoChange } from "../mirror/record-seo-change.server";

export type UpdatedProduct = {
  updatedAt: string;
  seo: { title: string | null; description: string | null };
};

export interface BatchContext {
  db: Database;
  client: AdminClient;
  log: Logger;
  signal: AbortSignal;
  shopId: string;
  concurrency: number;
  /** True once the run was asked to stop: items not yet sent are left as they are. */
  stopRequested: () => boolean;
}

/** An update could not be confirmed either way; the worker waits and checks the items again. */
export class UncertainBatchError extends Error {
  constructor(
    readonly count: number,
    options: { cause: unknown },
  ) {
    super(`${count} update(s) got no usable answer from Shopify`, options);
    this.name = "UncertainBatchError";
  }
}

/**
 * Sends every item through the shop's client, as many at once as the bucket allows. Items that
 * never started stay as they are (pending, or "sending" and checked before any resend); only an
 * answer that was lost is worth waiting for and checking again, so that is what throws.
 */
export async function sendItems<Item>(
  context: BatchContext,
  items: Item[],
  send: (item: Item, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const results = await runBatch(items, send, {
    client: context.client,
    signal: context.signal,
    concurrency: context.concurrency,
  });
  const uncertain = results.flatMap((result) =>
    !result.ok && !(result.error instanceof BatchCancelledError) ? [result.error] : [],
  );
  if (uncertain.length > 0 && !context.signal.aborted) {
    throw new UncertainBatchError(uncertain.length, { cause: uncertain[0] });
  }
}

/** The catalog mirror follows the change; if that fails the run goes on. */
export function mirrorChange(context: BatchContext, change: SeoChange): Promise<void> {
  return mirrorSeoChange(context.db, context.shopId, change, context.log);
}
