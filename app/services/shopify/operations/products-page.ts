import { z } from "zod";

import { defineOperation } from "../operation";

import { PRODUCT_SUMMARY_FIELDS, shopifyProductSummary, toProductSummary } from "./product-summary";

/**
 * Products per page: the largest page whose requested cost (2 + size x 28 points with the
 * summary's selection) stays under Shopify's 1,000-point limit for a single query.
 */
export const PRODUCTS_PAGE_SIZE = 35;

export const PRODUCTS_PAGE = defineOperation({
  name: "ProductsPage",
  document: `#graphql
    query ProductsPage($first: Int!, $after: String, $query: String) {
      products(first: $first, after: $after, query: $query, sortKey: ID) {
        nodes {
          ${PRODUCT_SUMMARY_FIELDS}
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  variables: z.object({
    first: z.number().int().min(1).max(PRODUCTS_PAGE_SIZE),
    after: z.string().nullish(),
    query: z.string().nullish(),
  }),
  data: z
    .object({
      products: z.object({
        nodes: z.array(shopifyProductSummary),
        pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
      }),
    })
    .transform(({ products }) => ({
      products: { nodes: products.nodes.map(toProductSummary), pageInfo: products.pageInfo },
    })),
});
