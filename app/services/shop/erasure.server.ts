import type { Database } from "~/db.server";

/**
 * Erases everything the app holds for a shop (Shopify's shop/redact). Rows owned by the shop go
 * with it through cascading relations; sessions are keyed by domain, so they are removed here.
 * Each area that stores shop data without a relation to Shop adds its deletion to this list.
 */
export async function eraseShopData(db: Database, domain: string) {
  const [sessions, webhookDeliveries, shops] = await db.$transaction([
    db.session.deleteMany({ where: { shop: domain } }),
    db.webhookDelivery.deleteMany({ where: { shopDomain: domain } }),
    db.shop.deleteMany({ where: { domain } }),
  ]);
  return {
    sessions: sessions.count,
    webhookDeliveries: webhookDeliveries.count,
    shops: shops.count,
  };
}
