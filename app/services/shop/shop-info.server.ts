import type { AdminApiContext } from "@shopify/shopify-app-remix/server";
import { z } from "zod";

import type { Database } from "~/db.server";
import { adminQuery } from "~/services/shopify/admin-query.server";

const SHOP_INFO_QUERY = `#graphql
  query ShopInfo {
    shop {
      name
      email
      contactEmail
      myshopifyDomain
      currencyCode
      ianaTimezone
      primaryDomain {
        host
        url
      }
      plan {
        publicDisplayName
        partnerDevelopment
        shopifyPlus
      }
    }
  }
`;

const shopInfoData = z.object({
  shop: z.object({
    name: z.string(),
    email: z.string(),
    contactEmail: z.string(),
    myshopifyDomain: z.string(),
    currencyCode: z.string(),
    ianaTimezone: z.string(),
    primaryDomain: z.object({ host: z.string(), url: z.string() }),
    plan: z.object({
      publicDisplayName: z.string(),
      partnerDevelopment: z.boolean(),
      shopifyPlus: z.boolean(),
    }),
  }),
});

export const SHOP_INFO_OPERATION = {
  name: "ShopInfo",
  document: SHOP_INFO_QUERY,
  data: shopInfoData,
};

/** Reads the shop from the Admin API and keeps what the app shows on the Shop row. */
export async function syncShopInfo(db: Database, admin: AdminApiContext, shopId: string) {
  const { shop } = await adminQuery(admin, SHOP_INFO_OPERATION);

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
