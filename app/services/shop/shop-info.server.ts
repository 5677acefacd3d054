import type { Database } from "~/db.server";
import type { AdminClient } from "~/services/shopify/client.server";
import { SHOP_INFO } from "~/services/shopify/operations/shop-info";

/** Reads the shop from the Admin API and keeps what the app shows on the Shop row. */
export async function syncShopInfo(db: Database, client: AdminClient, shopId: string) {
  const { shop } = await client.execute(SHOP_INFO, {});

  return db.shop.update({
    where: { id: shopId },
    data: {
      name: shop.name,
      email: shop.email || shop.contactEmail,
      storeName: shop.name,
      currencyCode: shop.currencyCode,
      ianaTimezone: shop.ianaTimezone,
      primaryDomainHost: shop.primaryDomain.host,
      primaryDomainUrl: shop.primaryDomain.url,
      planDisplayName: shop.plan.publicDisplayName,
      partnerDevelopment: shop.plan.partnerDevelopment,
      shopifyPlus: shop.plan.shopifyPlus,
      infoSyncedAt: new Date(),
    },
    include: { activePlan: true },
  });
}
