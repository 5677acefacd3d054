import { runBatch } from "~/services/shopify/batch.server";
import { PRODUCT_DETAIL } from "~/services/shopify/operations/product-detail";

import type { BatchContext } from "./batch-context.server";
import { PRODUCT_DELETED, settleItem } from "./item-outcome.server";
import { matchesValues, type RunItem } from "./seo-values";

/**
 * Items a previous process marked "sending" and never settled: the update may or may not have
 * reached Shopify. Shopify's current values decide; only those not applied are sent again.
 */
export async function reconcileSending(
  context: BatchContext,
  items: RunItem[],
): Promise<RunItem[]> {
  if (items.length === 0) return [];
  const results = await runBatch(
    items,
    (item, signal) => context.client.execute(PRODUCT_DETAIL, { id: item.resourceId }, { signal }),
    { client: context.client, signal: context.signal, concurrency: context.concurrency },
  );

  const resend: RunItem[] = [];
  for (const result of results) {
    if (!result.ok) throw result.error;
    const { product } = result.value;
    if (!product) {
      await settleItem(context.db, result.item, "sending", {
        status: "skipped",
        reason: PRODUCT_DELETED,
      });
    } else if (matchesValues(product.seo, result.item, "new")) {
      await settleItem(context.db, result.item, "sending", { status: "updated" });
      context.log.info(
        { resourceId: result.item.resourceId },
        "interrupted update had been applied",
      );
    } else {
      resend.push(result.item);
    }
  }
  return resend;
}
