import { describe, expect, it } from "vitest";
import { z } from "zod";

import { defineOperation } from "~/services/shopify/operation";
import { PRODUCT_CREATE } from "~/services/shopify/operations/product-create";
import { PRODUCT_SEO_UPDATE } from "~/services/shopify/operations/product-seo-update";
import { toProductSummary } from "~/services/shopify/operations/product-summary";
import { PRODUCTS_PAGE } from "~/services/shopify/operations/products-page";

const shopifyProduct = {
  id: "gid://shopify/Product/7",
  handle: "linen-lamp",
  title: "Linen Lamp",
  vendor: "Northwind",
  productType: "Lighting",
  status: "ACTIVE" as const,
  updatedAt: "2026-03-01T10:00:00Z",
  seo: { title: null, description: "Warm light" },
  featuredMedia: { alt: "", image: { url: "https://cdn.example.com/lamp.png" } },
  media: {
    nodes: [
      { mediaContentType: "IMAGE", alt: "" },
      { mediaContentType: "IMAGE", alt: "Lamp from the side" },
      { mediaContentType: "VIDEO", alt: null },
      { mediaContentType: "IMAGE", alt: null },
    ],
  },
  priceRangeV2: { minVariantPrice: { amount: "49.00", currencyCode: "EUR" } },
};

describe("product operations", () => {
  it("maps Shopify's media and price fields into the app's product summary", () => {
    expect(toProductSummary(shopifyProduct)).toEqual({
      id: "gid://shopify/Product/7",
      handle: "linen-lamp",
      title: "Linen Lamp",
      vendor: "Northwind",
      productType: "Lighting",
      status: "ACTIVE",
      updatedAt: "2026-03-01T10:00:00Z",
      seo: { title: null, description: "Warm light" },
      featuredImage: { url: "https://cdn.example.com/lamp.png", altText: "" },
      imageCount: 3,
      imagesWithoutAlt: 2,
      minPrice: { amount: "49.00", currencyCode: "EUR" },
    });
  });

  it("reads a page of products and refuses pages the cost limit would not allow", () => {
    const data = PRODUCTS_PAGE.data.parse({
      products: { nodes: [shopifyProduct], pageInfo: { hasNextPage: false, endCursor: null } },
    });

    expect(data.products.nodes[0]?.imagesWithoutAlt).toBe(2);
    expect(PRODUCTS_PAGE.variables.safeParse({ first: 36 }).success).toBe(false);
  });

  it("sends an SEO update as productUpdate(product: ProductUpdateInput)", () => {
    expect(PRODUCT_SEO_UPDATE.document).toMatch(/productUpdate\(product: \$product\)/);
    expect(
      PRODUCT_SEO_UPDATE.variables.parse({ id: "gid://shopify/Product/7", seo: { title: "A" } }),
    ).toEqual({ product: { id: "gid://shopify/Product/7", seo: { title: "A" } } });
    expect(PRODUCT_SEO_UPDATE.variables.safeParse({ id: "7", seo: {} }).success).toBe(false);
  });

  it("knows which mutations may be sent again after a lost answer", () => {
    expect(PRODUCT_SEO_UPDATE).toMatchObject({ kind: "mutation", idempotent: true });
    expect(PRODUCT_CREATE).toMatchObject({ kind: "mutation", idempotent: false });
    expect(PRODUCTS_PAGE).toMatchObject({ kind: "query", idempotent: true });
  });

  it("refuses a document whose operation name differs from the operation's", () => {
    expect(() =>
      defineOperation({
        name: "ShopName",
        document: "query ShopTitle { shop { name } }",
        variables: z.object({}),
        data: z.unknown(),
      }),
    ).toThrow(/must start with "query\|mutation ShopName"/);
  });
});
