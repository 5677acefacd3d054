import { z } from "zod";

import { defineOperation } from "~/services/shopify/operation";
import { productId } from "~/services/shopify/operations/product-summary";

export const PRODUCT_IDS_PAGE_SIZE = 250;

/** Product ids only, 250 at a time: a catalog's ids cost about a point per product. */
export const PRODUCT_IDS_PAGE = defineOperation({
  name: "ProductIdsPage",
  document: `#graphql
    query ProductIdsPage($first: Int!, $after: String) {
      products(first: $first, after: $after, sortKey: ID) {
        nodes {
          id
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  variables: z.object({
    first: z.number().int().min(1).max(PRODUCT_IDS_PAGE_SIZE),
    after: z.string().nullish(),
  }),
  data: z.object({
    products: z.object({
      nodes: z.array(z.object({ id: productId })),
      pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
    }),
  }),
});
