import { BatchCancelledError } from "~/services/shopify/batch.server";
import { PRODUCT_SEO_UPDATE } from "~/services/shopify/operations/product-seo-update";

import type { TemplateShop } from "../templates/placeholder-values";
import type { SeoTemplates } from "../templates/seo-templates";

import {
  mirrorChange,
  sendItems,
  type BatchContext,
  type UpdatedProduct,
} from "./batch-context.server";
import { isUncertain, outcomeOfError, PRODUCT_DELETED, settleItem } from "./item-outcome.server";
import { prepareItems } from "./prepare-items.server";
import { reconcileSending } from "./reconcile-sending.server";
import { seoInput, type RunItem } from "./seo-values";

/**
 * One batch of an applying run, in position order. Items left "sending" by an interrupted
 * process are first checked against Shopify's current values, so no update is applied twice;
 * pending items are read, rendered, marked "sending" with their new values, then sent.
 */
export async function applyBatch(
  context: BatchContext,
  run: { id: string; templates: SeoTemplates; shop: TemplateShop },
  items: RunItem[],
): Promise<void> {
  const interrupted = items.filter((item) => item.status === "sending");
  const pending = items.filter((item) => item.status === "pending");

  const toResend = await reconcileSending(context, interrupted);
  const toSend = [...toResend, ...(await prepareItems(context, run, pending))];
  if (toSend.length === 0) return;

  await sendItems(context, toSend, (item, signal) => sendItem(context, item, signal));
}

/**
 * Marks the item "sending", sends it and settles it as soon as Shopify answers, so progress
 * moves item by item and a crash leaves at most the items in flight to check. Throws only when
 * the outcome is unknown (the item stays "sending").
 */
async function sendItem(context: BatchContext, item: RunItem, signal: AbortSignal): Promise<void> {
  if (context.stopRequested()) throw new BatchCancelledError();
  await context.db.bulkRunItem.updateMany({
    where: { id: item.id, status: { in: ["pending", "sending"] } },
    data: { status: "sending" },
  });

  let product: UpdatedProduct | null;
  try {
    ({ product } = await context.client.execute(
      PRODUCT_SEO_UPDATE,
      { id: item.resourceId, seo: seoInput(item, "new") },
      { signal },
    ));
  } catch (error) {
    if (isUncertain(error)) throw error;
    await settleItem(context.db, item, "sending", outcomeOfError(error as Error));
    return;
  }

  if (!product) {
    await settleItem(context.db, item, "sending", { status: "skipped", reason: PRODUCT_DELETED });
    return;
  }
  await settleItem(context.db, item, "sending", { status: "updated" });
  await mirrorChange(context, {
    resourceId: item.resourceId,
    seo: product.seo,
    previous: seoInput(item, "previous"),
    source: "template",
    shopifyUpdatedAt: new Date(product.updatedAt),
  });
}
