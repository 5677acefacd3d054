import { z } from "zod";

import { defineOperation } from "../operation";

export const SHOP_INFO = defineOperation({
  name: "ShopInfo",
  document: `#graphql
    query ShopInfo {
      shop {
        name
        email
        contactEmail
        myshopifyDomain
        currencyCode
        ianaTimezone
        primaryDomain {
          host
          url
        }
        plan {
          publicDisplayName
          partnerDevelopment
          shopifyPlus
        }
      }
    }
  `,
  variables: z.object({}).strict(),
  data: z.object({
    shop: z.object({
      name: z.string(),
      email: z.string(),
      contactEmail: z.string(),
      myshopifyDomain: z.string(),
      currencyCode: z.string(),
      ianaTimezone: z.string(),
      primaryDomain: z.object({ host: z.string(), url: z.string() }),
      plan: z.object({
        publicDisplayName: z.string(),
        partnerDevelopment: z.boolean(),
        shopifyPlus: z.boolean(),
      }),
    }),
  }),
});
