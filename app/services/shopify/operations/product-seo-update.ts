import { z } from "zod";

import { defineOperation } from "../operation";

import { productId, productSeo, userErrorList } from "./product-summary";

export const PRODUCT_SEO_UPDATE = defineOperation({
  name: "ProductSeoUpdate",
  document: `#graphql
    mutation ProductSeoUpdate($product: ProductUpdateInput!) {
      productUpdate(product: $product) {
        product {
          id
          updatedAt
          seo {
            title
            description
          }
        }
        userErrors {
          field
          message
        }
      }
    }
  `,
  variables: z
    .object({
      id: productId,
      seo: z.object({
        title: z.string().nullish(),
        description: z.string().nullish(),
      }),
    })
    .transform(({ id, seo }) => ({ product: { id, seo } })),
  data: z
    .object({
      productUpdate: z.object({
        product: z
          .object({
            id: z.string(),
            updatedAt: z.string(),
            seo: productSeo,
          })
          .nullable(),
        userErrors: userErrorList,
      }),
    })
    .transform(({ productUpdate }) => productUpdate),
  userErrors: (data) => data.userErrors,
  // Setting the same SEO fields twice leaves the product as setting them once.
  idempotent: true,
});
