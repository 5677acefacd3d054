import { z } from "zod";

import { defineOperation } from "../operation";

/** Shopify's limit for one metafieldsSet call. */
export const METAFIELDS_SET_LIMIT = 25;

const metafield = z.object({
  id: z.string(),
  namespace: z.string(),
  key: z.string(),
  type: z.string(),
  value: z.string(),
});

export const METAFIELDS_SET = defineOperation({
  name: "MetafieldsSet",
  document: `#graphql
    mutation MetafieldsSet($metafields: [MetafieldsSetInput!]!) {
      metafieldsSet(metafields: $metafields) {
        metafields {
          id
          namespace
          key
          type
          value
        }
        userErrors {
          field
          message
          code
          elementIndex
        }
      }
    }
  `,
  variables: z.object({
    metafields: z
      .array(
        z.object({
          ownerId: z.string().regex(/^gid:\/\/shopify\/\w+\/\d+$/, "must be a GID"),
          namespace: z.string().min(1),
          key: z.string().min(1),
          type: z.string().min(1),
          value: z.string(),
        }),
      )
      .min(1)
      .max(METAFIELDS_SET_LIMIT, `at most ${METAFIELDS_SET_LIMIT} metafields per call`),
  }),
  data: z
    .object({
      metafieldsSet: z.object({
        metafields: z.array(metafield).nullable(),
        userErrors: z.array(
          z.object({
            field: z.array(z.string()).nullable(),
            message: z.string(),
            code: z.string().nullable(),
            elementIndex: z.number().int().nullable(),
          }),
        ),
      }),
    })
    .transform(({ metafieldsSet }) => ({
      metafields: metafieldsSet.metafields ?? [],
      userErrors: metafieldsSet.userErrors,
    })),
  userErrors: (data) => data.userErrors,
  // A plain set (no compareDigest) written twice leaves the same values.
  idempotent: true,
});
