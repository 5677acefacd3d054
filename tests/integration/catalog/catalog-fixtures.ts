import type { Database } from "~/database.server";
import type { ProductSummary } from "~/services/shopify/operations/product-summary";

/** A product as the Admin client returns it; passes every audit rule unless told otherwise. */
export function productSummary(
  id: number,
  overrides: Partial<ProductSummary> = {},
): ProductSummary {
  return {
    id: `gid://shopify/Product/${id}`,
    handle: `product-${id}`,
    title: `Product ${String(id).padStart(5, "0")}`,
    vendor: "Harbor Goods",
    productType: "Bags",
    status: "ACTIVE",
    updatedAt: new Date(Date.UTC(2026, 10, 1) + id * 60_000).toISOString(),
    seo: {
      title: `Product ${id} | Harbor Goods canvas bags`,
      description: `Product ${id}: a waxed canvas bag with leather handles, made for every day.`,
    },
    featuredImage: { url: `https://cdn.example/${id}.jpg`, altText: `Product ${id}, front view` },
    imageCount: 1,
    imagesWithoutAlt: 0,
    minPrice: { amount: "48.0", currencyCode: "USD" },
    ...overrides,
  };
}

export async function createShop(db: Database, domain: string) {
  const shop = await db.shop.create({ data: { domain } });
  return shop.id;
}

export async function issuesOf(db: Database, shopId: string, resourceId: string) {
  const row = await db.metaTag.findFirstOrThrow({
    where: { shopId, resourceId },
    include: { issues: { select: { rule: true }, orderBy: { rule: "asc" } } },
  });
  return { score: row.auditScore, rules: row.issues.map((issue) => issue.rule) };
}
