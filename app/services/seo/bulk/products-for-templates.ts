import { z } from "zod";

import { defineOperation } from "~/services/shopify/operation";
import { productId, productSeo as seo } from "~/services/shopify/operations/product-summary";

/** Products read per call while a run works through its items. */
export const TEMPLATE_READ_SIZE = 25;

const productForTemplates = z.object({
  id: productId,
  title: z.string(),
  vendor: z.string(),
  productType: z.string(),
  updatedAt: z.string(),
  seo,
  priceRangeV2: z.object({
    minVariantPrice: z.object({ amount: z.string(), currencyCode: z.string() }),
  }),
});

export type ProductForTemplates = z.infer<typeof productForTemplates>;

/**
 * What templates need of several products at once, by id: what fills the placeholders and the
 * SEO fields as they are now (kept per item so a run can be undone). A deleted product comes
 * back as null in its place.
 */
export const PRODUCTS_FOR_TEMPLATES = defineOperation({
  name: "ProductsForTemplates",
  document: `#graphql
    query ProductsForTemplates($ids: [ID!]!) {
      nodes(ids: $ids) {
        ... on Product {
          id
          title
          vendor
          productType
          updatedAt
          seo {
            title
            description
          }
          priceRangeV2 {
            minVariantPrice {
              amount
              currencyCode
            }
          }
        }
      }
    }
  `,
  variables: z.object({ ids: z.array(productId).min(1).max(TEMPLATE_READ_SIZE) }),
  data: z
    .object({
      // A node that is not a product (or no longer exists) selects no fields: `{}` or null.
      nodes: z.array(z.union([productForTemplates, z.object({}).strict(), z.null()])),
    })
    .transform(({ nodes }) =>
      nodes.map((node) => (node && "id" in node ? (node as ProductForTemplates) : null)),
    ),
});
