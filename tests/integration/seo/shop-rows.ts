// What the app holds for one shop, counted for the shop/redact tests. The shop and its runs are
// captured by id before erasure: a filter through the Shop relation counts nothing once the Shop
// row is gone, even when rows that pointed at it were left behind.
import { expect } from "vitest";

import type { Database } from "~/database.server";

import type { Stack } from "../../support/stack";
import { deliverWebhook } from "../../support/webhooks";

export interface ShopKeys {
  domain: string;
  shopId: string;
  runIds: string[];
}

export async function shopKeys(db: Database, domain: string): Promise<ShopKeys> {
  const { id: shopId } = await db.shop.findUniqueOrThrow({ where: { domain } });
  const runs = await db.bulkRun.findMany({ where: { shopId }, select: { id: true } });
  return { domain, shopId, runIds: runs.map((run) => run.id) };
}

/** Every table holding the shop's data, keyed by the shop's id, its runs' ids or its domain. */
export async function shopRows(db: Database, { domain, shopId, runIds }: ShopKeys) {
  const byShop = { where: { shopId } };
  return {
    shops: await db.shop.count({ where: { id: shopId } }),
    sessions: await db.session.count({ where: { shop: domain } }),
    activePlans: await db.activePlan.count(byShop),
    catalogSyncs: await db.catalogSync.count(byShop),
    metaTags: await db.metaTag.count(byShop),
    seoIssues: await db.seoIssue.count(byShop),
    seoTemplates: await db.seoTemplate.count(byShop),
    bulkRuns: await db.bulkRun.count(byShop),
    bulkRunItems: await db.bulkRunItem.count({ where: { runId: { in: runIds } } }),
    webhookDeliveries: await db.webhookDelivery.count({ where: { shopDomain: domain } }),
  };
}

export type ShopRows = Awaited<ReturnType<typeof shopRows>>;

/** The counts once the shop is erased: nothing left in any table. */
export const ERASED: ShopRows = {
  shops: 0,
  sessions: 0,
  activePlans: 0,
  catalogSyncs: 0,
  metaTags: 0,
  seoIssues: 0,
  seoTemplates: 0,
  bulkRuns: 0,
  bulkRunItems: 0,
  webhookDeliveries: 0,
};

/**
 * Delivers shop/redact for `erased` as Shopify would and checks that none of its rows are left
 * and that `other`'s rows are exactly the `otherBefore` counted earlier.
 */
export async function expectRedactToErase(
  stack: Stack,
  db: Database,
  erased: ShopKeys,
  other: { keys: ShopKeys; before: ShopRows },
): Promise<void> {
  const response = await deliverWebhook({
    appUrl: stack.app.url,
    path: "/webhooks/shop/redact",
    topic: "shop/redact",
    shop: erased.domain,
    secret: stack.apiSecret,
    payload: { shop_id: 1, shop_domain: erased.domain },
  });

  expect(response.status).toBe(200);
  expect(await shopRows(db, erased)).toEqual(ERASED);
  expect(await shopRows(db, other.keys)).toEqual(other.before);
}
