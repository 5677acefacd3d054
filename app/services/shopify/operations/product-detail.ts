import { z } from "zod";

import { defineOperation } from "../operation";

import {
  PRODUCT_SUMMARY_FIELDS,
  productId,
  shopifyProductSummary,
  toProductSummary,
} from "./product-summary";

/** Metafields read with a product; the SEO ones the app writes are a handful. */
export const PRODUCT_METAFIELDS_READ = 50;

const metafield = z.object({
  id: z.string(),
  namespace: z.string(),
  key: z.string(),
  type: z.string(),
  value: z.string(),
});

export type ProductMetafield = z.infer<typeof metafield>;

export const PRODUCT_DETAIL = defineOperation({
  name: "ProductDetail",
  document: `#graphql
    query ProductDetail($id: ID!) {
      product(id: $id) {
        ${PRODUCT_SUMMARY_FIELDS}
        descriptionHtml
        description
        metafields(first: ${PRODUCT_METAFIELDS_READ}) {
          nodes {
            id
            namespace
            key
            type
            value
          }
        }
      }
    }
  `,
  variables: z.object({ id: productId }),
  data: z
    .object({
      product: shopifyProductSummary
        .extend({
          descriptionHtml: z.string(),
          description: z.string(),
          metafields: z.object({ nodes: z.array(metafield) }),
        })
        .nullable(),
    })
    .transform(({ product }) => ({
      product: product && {
        ...toProductSummary(product),
        descriptionHtml: product.descriptionHtml,
        description: product.description,
        metafields: product.metafields.nodes,
      },
    })),
});
