import { z } from "zod";

/**
 * Media read per product to count images and missing alt text. Products rarely have more; the
 * counts are exact up to this many media, and the requested cost of a page grows with it.
 */
export const MEDIA_SAMPLE = 20;

export const PRODUCT_GID = /^gid:\/\/shopify\/Product\/\d+$/;

export const productId = z.string().regex(PRODUCT_GID, "must be a Product GID");

/** The selection on Product that every summary is read from. */
export const PRODUCT_SUMMARY_FIELDS = `
  id
  handle
  title
  vendor
  productType
  status
  updatedAt
  seo {
    title
    description
  }
  featuredMedia {
    alt
    ... on MediaImage {
      image {
        url
      }
    }
  }
  media(first: ${MEDIA_SAMPLE}) {
    nodes {
      mediaContentType
      alt
    }
  }
  priceRangeV2 {
    minVariantPrice {
      amount
      currencyCode
    }
  }
`;

const money = z.object({ amount: z.string(), currencyCode: z.string() });

/** A product's SEO fields as Shopify returns them: null where the merchant set none. */
export const productSeo = z.object({
  title: z.string().nullable(),
  description: z.string().nullable(),
});

export const shopifyProductSummary = z.object({
  id: productId,
  handle: z.string(),
  title: z.string(),
  vendor: z.string(),
  productType: z.string(),
  status: z.enum(["ACTIVE", "ARCHIVED", "DRAFT", "UNLISTED"]),
  updatedAt: z.string(),
  seo: productSeo,
  featuredMedia: z
    .object({ alt: z.string().nullable(), image: z.object({ url: z.string() }).nullish() })
    .nullable(),
  media: z.object({
    nodes: z.array(z.object({ mediaContentType: z.string(), alt: z.string().nullable() })),
  }),
  priceRangeV2: z.object({ minVariantPrice: money }),
});

export type ShopifyProductSummary = z.infer<typeof shopifyProductSummary>;

export interface ProductSummary {
  id: string;
  handle: string;
  title: string;
  vendor: string;
  productType: string;
  status: ShopifyProductSummary["status"];
  /** ISO 8601. */
  updatedAt: string;
  seo: { title: string | null; description: string | null };
  featuredImage: { url: string; altText: string | null } | null;
  imageCount: number;
  imagesWithoutAlt: number;
  minPrice: { amount: string; currencyCode: string };
}

function hasText(value: string | null): boolean {
  return value !== null && value.trim().length > 0;
}

/** Maps Shopify's media and price fields into the summary the app works with. */
export function toProductSummary(product: ShopifyProductSummary): ProductSummary {
  const images = product.media.nodes.filter((media) => media.mediaContentType === "IMAGE");
  const featured = product.featuredMedia;

  return {
    id: product.id,
    handle: product.handle,
    title: product.title,
    vendor: product.vendor,
    productType: product.productType,
    status: product.status,
    updatedAt: product.updatedAt,
    seo: product.seo,
    featuredImage: featured?.image ? { url: featured.image.url, altText: featured.alt } : null,
    imageCount: images.length,
    imagesWithoutAlt: images.filter((image) => !hasText(image.alt)).length,
    minPrice: product.priceRangeV2.minVariantPrice,
  };
}

export const userErrorList = z.array(
  z.object({
    field: z.array(z.string()).nullable(),
    message: z.string(),
    code: z.string().nullish(),
  }),
);
