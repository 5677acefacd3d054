import { z } from "zod";

import { defineOperation } from "~/services/shopify/operation";

/**
 * How many products the shop has, for the sync's progress. `limit: null` asks for the exact
 * count: the field's default stops counting at 10,000.
 */
export const PRODUCTS_COUNT = defineOperation({
  name: "ProductsCount",
  document: `#graphql
    query ProductsCount {
      productsCount(limit: null) {
        count
        precision
      }
    }
  `,
  variables: z.object({}),
  data: z
    .object({
      productsCount: z.object({ count: z.number().int(), precision: z.string() }).nullable(),
    })
    .transform(({ productsCount }) => productsCount?.count ?? null),
});
