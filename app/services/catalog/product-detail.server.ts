import type { Database } from "~/db.server";
import { AUDIT_RULES } from "~/services/seo/audit-rules";

import { legacyProductId, PRODUCT_RESOURCE } from "./mirror-fields";

/** One mirrored product with its failed rules, as the editor shows it; null if not mirrored. */
export async function mirroredProduct(db: Database, shopId: string, resourceId: string) {
  const row = await db.metaTag.findUnique({
    where: {
      shopId_resourceType_resourceId: { shopId, resourceType: PRODUCT_RESOURCE, resourceId },
    },
    include: { issues: { select: { rule: true } } },
  });
  if (!row) return null;
  const failed = new Set(row.issues.map((issue) => issue.rule));

  return {
    id: row.id,
    productId: row.resourceId,
    legacyId: legacyProductId(row.resourceId),
    handle: row.handle,
    title: row.title,
    vendor: row.vendor,
    productType: row.productType,
    status: row.status,
    price: row.price,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    previousSeoTitle: row.previousSeoTitle,
    previousSeoDescription: row.previousSeoDescription,
    source: row.source,
    featuredImageUrl: row.featuredImageUrl,
    featuredImageAlt: row.featuredImageAlt,
    imageCount: row.imageCount,
    imagesWithoutAlt: row.imagesWithoutAlt,
    score: row.auditScore,
    shopifyUpdatedAt: row.shopifyUpdatedAt?.toISOString() ?? null,
    syncedAt: row.syncedAt?.toISOString() ?? null,
    // In the rules' order, which runs from the SEO title to the images.
    issues: AUDIT_RULES.filter((rule) => failed.has(rule.id)).map((rule) => ({
      rule: rule.id,
      field: rule.field,
      weight: rule.weight,
      params: rule.params,
    })),
  };
}
