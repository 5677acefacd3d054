import { z } from "zod";

import { defineOperation } from "../operation";

import { productId, productSeo, userErrorList } from "./product-summary";

export const PRODUCT_CREATE = defineOperation({
  name: "ProductCreate",
  document: `#graphql
    mutation ProductCreate($product: ProductCreateInput!) {
      productCreate(product: $product) {
        product {
          id
          handle
          title
          status
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
  variables: z.object({
    product: z.object({
      title: z.string(),
      handle: z.string().optional(),
      descriptionHtml: z.string().optional(),
      vendor: z.string().optional(),
      productType: z.string().optional(),
      status: z.enum(["ACTIVE", "ARCHIVED", "DRAFT", "UNLISTED"]).optional(),
      tags: z.array(z.string()).optional(),
      seo: z.object({ title: z.string().nullish(), description: z.string().nullish() }).optional(),
    }),
  }),
  data: z
    .object({
      productCreate: z.object({
        product: z
          .object({
            id: productId,
            handle: z.string(),
            title: z.string(),
            status: z.string(),
            updatedAt: z.string(),
            seo: productSeo,
          })
          .nullable(),
        userErrors: userErrorList,
      }),
    })
    .transform(({ productCreate }) => productCreate),
  userErrors: (data) => data.userErrors,
  // A second request after a lost answer would create a second product.
  idempotent: false,
});
