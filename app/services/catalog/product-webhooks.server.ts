import { z } from "zod";

import type { Database } from "~/db.server";
import type { Logger } from "~/observability/logger.server";
import { createAdminClient } from "~/services/shopify/client.server";
import { PRODUCT_DETAIL } from "~/services/shopify/operations/product-detail";
import type { AdminApiContext } from "@shopify/shopify-app-remix/server";

import { PRODUCT_RESOURCE, productGid } from "./mirror-fields";
import { removeProducts, saveProducts } from "./save-products.server";
import { writeCatalog } from "./write-catalog.server";

// Shopify's product webhooks carry the REST representation, which has no SEO fields; only the
// id and the change time are read from it, and the product itself from the Admin API.
const productPayload = z.object({
  id: z.number().int().positive(),
  updated_at: z.iso.datetime({ offset: true }).optional(),
});

const deletedPayload = z.object({ id: z.number().int().positive() });

export type WebhookOutcome = "updated" | "removed" | "current" | "ignored";

interface ProductWebhook {
  shop: string;
  payload: unknown;
  admin?: Pick<AdminApiContext, "graphql">;
}

/**
 * The installed shop and the product a webhook is about, or null when there is nothing to do:
 * a body without a usable id (logged), or a shop the app no longer holds.
 */
async function webhookTarget<Payload extends { id: number }>(
  db: Database,
  webhook: ProductWebhook,
  schema: z.ZodType<Payload>,
  log: Logger,
) {
  const payload = schema.safeParse(webhook.payload);
  if (!payload.success) {
    log.warn({ issues: payload.error.issues }, "product webhook without a usable id; ignored");
    return null;
  }
  const shop = await db.shop.findUnique({ where: { domain: webhook.shop }, select: { id: true } });
  if (!shop) return null;
  return { shopId: shop.id, resourceId: productGid(payload.data.id), payload: payload.data };
}

/**
 * products/create and products/update: reads the product as it is now and re-audits it and the
 * products sharing its values. A webhook no newer than the mirror (a retry, a late delivery, the
 * echo of the app's own change) costs no Admin API call.
 */
export async function refreshProductFromWebhook(
  db: Database,
  webhook: ProductWebhook,
  log: Logger,
): Promise<WebhookOutcome> {
  const target = await webhookTarget(db, webhook, productPayload, log);
  if (!target) return "ignored";
  const { shopId, resourceId, payload } = target;

  const stored = await db.metaTag.findUnique({
    where: {
      shopId_resourceType_resourceId: { shopId, resourceType: PRODUCT_RESOURCE, resourceId },
    },
    select: { shopifyUpdatedAt: true },
  });
  const changedAt = payload.updated_at ? new Date(payload.updated_at) : null;
  if (changedAt && stored?.shopifyUpdatedAt && stored.shopifyUpdatedAt >= changedAt) {
    log.debug({ product: resourceId }, "mirror already holds this change");
    return "current";
  }
  if (!webhook.admin) {
    // No admin means no stored offline session (uninstalled): a retry could not act either.
    log.warn("no offline session for the shop; the next sync will pick the change up");
    return "ignored";
  }

  const client = createAdminClient({ shop: webhook.shop, graphql: webhook.admin.graphql, log });
  const { product } = await client.execute(PRODUCT_DETAIL, { id: resourceId });
  await writeCatalog(db, shopId, (tx) =>
    product
      ? saveProducts(tx, shopId, [product], new Date())
      : removeProducts(tx, shopId, { resourceIds: [resourceId] }),
  );
  log.info({ product: resourceId, found: product !== null }, "product mirrored from webhook");
  return product ? "updated" : "removed";
}

/** products/delete: the product leaves the mirror, and its former duplicates are re-audited. */
export async function removeProductFromWebhook(
  db: Database,
  webhook: ProductWebhook,
  log: Logger,
): Promise<WebhookOutcome> {
  const target = await webhookTarget(db, webhook, deletedPayload, log);
  if (!target) return "ignored";
  const { shopId, resourceId } = target;

  const { change } = await writeCatalog(db, shopId, (tx) =>
    removeProducts(tx, shopId, { resourceIds: [resourceId] }),
  );
  log.info({ product: resourceId, removed: change.removed }, "product removed from the mirror");
  return change.removed > 0 ? "removed" : "current";
}
