import { PRODUCT_SEO_UPDATE } from "~/services/shopify/operations/product-seo-update";

import type { SeoValues } from "../editor/conflict";

import { mirrorChange, sendItems, type BatchContext } from "./batch-context.server";
import { isUncertain, outcomeOfError, PRODUCT_DELETED } from "./item-outcome.server";
import { PRODUCTS_FOR_TEMPLATES } from "./products-for-templates";
import type { ItemStatus } from "./run-status";
import { matchesValues, seoInput, type RunItem } from "./seo-values";

const CHANGED_SINCE = "Changed in Shopify after the run; left as it is";

/**
 * One batch of an undo. Shopify's current values decide each item: still the run's values ->
 * restore the previous ones; already the previous ones (an interrupted restore that landed, or
 * an update that never did) -> undone without sending; anything else was changed after the run
 * and is kept, as is a product deleted since.
 */
export async function undoBatch(context: BatchContext, items: RunItem[]): Promise<void> {
  const current = await context.client.execute(
    PRODUCTS_FOR_TEMPLATES,
    { ids: items.map((item) => item.resourceId) },
    { signal: context.signal },
  );

  const toRestore: RunItem[] = [];
  for (const [index, item] of items.entries()) {
    const product = current[index] ?? null;
    if (!product) await moveItem(context, item, "kept", PRODUCT_DELETED);
    else if (matchesValues(product.seo, item, "new")) toRestore.push(item);
    else if (matchesValues(product.seo, item, "previous")) await moveItem(context, item, "undone");
    else await moveItem(context, item, "kept", CHANGED_SINCE);
  }
  if (toRestore.length === 0) return;

  await sendItems(context, toRestore, (item, signal) => restoreItem(context, item, signal));
}

/** Sends the previous values and settles the item on Shopify's answer; throws when unknown. */
async function restoreItem(context: BatchContext, item: RunItem, signal: AbortSignal) {
  await moveItem(context, item, "restoring");
  const restoring = { ...item, status: "restoring" };
  // An empty field is cleared with "", which Shopify reads as "no SEO value".
  const seo = Object.fromEntries(
    Object.entries(seoInput(item, "previous")).map(([field, value]) => [field, value ?? ""]),
  );

  let product: { updatedAt: string; seo: SeoValues } | null;
  try {
    ({ product } = await context.client.execute(
      PRODUCT_SEO_UPDATE,
      { id: item.resourceId, seo },
      { signal },
    ));
  } catch (error) {
    if (isUncertain(error)) throw error;
    await moveItem(context, restoring, "kept", outcomeOfError(error as Error).reason);
    return;
  }

  if (!product) {
    await moveItem(context, restoring, "kept", PRODUCT_DELETED);
    return;
  }
  await moveItem(context, restoring, "undone");
  await mirrorChange(context, {
    resourceId: item.resourceId,
    seo: product.seo,
    previous: seoInput(item, "new"),
    source: "shopify",
    shopifyUpdatedAt: new Date(product.updatedAt),
  });
}

async function moveItem(
  context: BatchContext,
  item: RunItem,
  to: ItemStatus,
  error: string | null = null,
): Promise<void> {
  await context.db.bulkRunItem.updateMany({
    where: { id: item.id, status: item.status },
    data: { status: to, error },
  });
}
