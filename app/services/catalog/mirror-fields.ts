import type { ProductSummary } from "~/services/shopify/operations/product-summary";
import { comparisonKey } from "~/services/seo/seo-text";

export const PRODUCT_RESOURCE = "PRODUCT";

const PRODUCT_GID_PREFIX = "gid://shopify/Product/";

/** The numeric id at the end of a product GID, as Shopify's admin URLs and webhooks use it. */
export function legacyProductId(gid: string): string {
  return gid.startsWith(PRODUCT_GID_PREFIX) ? gid.slice(PRODUCT_GID_PREFIX.length) : gid;
}

export function productGid(legacyId: string | number): string {
  return `${PRODUCT_GID_PREFIX}${legacyId}`;
}

/** The MetaTag columns a product's summary fills; everything the audit and the list read. */
export function mirrorFields(product: ProductSummary) {
  // Stored as text: Shopify adds statuses (UNLISTED arrived in 2025) without a migration here.
  const status: string = product.status;
  return {
    handle: product.handle,
    title: product.title,
    vendor: product.vendor,
    productType: product.productType,
    status,
    price: product.minPrice.amount,
    seoTitle: product.seo.title,
    seoDescription: product.seo.description,
    seoTitleKey: comparisonKey(product.seo.title),
    seoDescriptionKey: comparisonKey(product.seo.description),
    featuredImageUrl: product.featuredImage?.url ?? null,
    featuredImageAlt: product.featuredImage?.altText ?? null,
    imageCount: product.imageCount,
    imagesWithoutAlt: product.imagesWithoutAlt,
    shopifyUpdatedAt: new Date(product.updatedAt),
  };
}

export type MirrorFields = ReturnType<typeof mirrorFields>;

const COMPARED_FIELDS = [
  "handle",
  "title",
  "vendor",
  "productType",
  "status",
  "price",
  "seoTitle",
  "seoDescription",
  "featuredImageUrl",
  "featuredImageAlt",
  "imageCount",
  "imagesWithoutAlt",
] as const satisfies ReadonlyArray<keyof MirrorFields>;

type ComparedField = (typeof COMPARED_FIELDS)[number];

export function mirrorDiffers(
  stored: { [Field in ComparedField]: MirrorFields[Field] | null },
  incoming: MirrorFields,
): boolean {
  return COMPARED_FIELDS.some((field) => stored[field] !== incoming[field]);
}
