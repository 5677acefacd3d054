import { prisma } from "~/db.server";
import { syncShopInfo } from "~/services/shop/shop-info.server";
import type { AdminClient } from "~/services/shopify/client.server";

interface ShopRow {
  id: string;
  domain: string;
  name: string | null;
  language: string;
  primaryDomainHost: string | null;
}

/**
 * The shop as templates see it. {shop_name} and the storefront host come from the shop's row,
 * which is filled on the first visit to the dashboard; a merchant who opens a template page
 * first gets it read from Shopify here, so the placeholder is not left empty.
 */
export async function shopForTemplates(shop: ShopRow, client: AdminClient): Promise<ShopRow> {
  if (shop.name) return shop;
  return syncShopInfo(prisma, client, shop.id);
}
