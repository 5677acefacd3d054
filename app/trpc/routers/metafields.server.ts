import { z } from "zod";

import {
  listProductMetafields,
  setProductMetafields,
} from "~/services/metafields/product-metafields.server";

import { router, shopProcedure } from "../init.server";

import { productNotFound } from "./seo-errors.server";
import { productId } from "./seo-inputs";

const metafieldKey = { namespace: z.string().min(1).max(255), key: z.string().min(1).max(64) };

/** A product's metafields, written with type-aware checks and Shopify's field paths on errors. */
export const metafieldsRouter = router({
  list: shopProcedure.input(z.object({ productId })).query(async ({ ctx, input }) => {
    const client = ctx.adminClient;
    const metafields = await listProductMetafields(client, input.productId);
    if (!metafields) throw productNotFound();
    return { metafields };
  }),

  set: shopProcedure
    .input(
      z.object({
        productId,
        metafields: z
          .array(
            z.object({ ...metafieldKey, type: z.string().min(1), value: z.string().max(65_535) }),
          )
          .min(1)
          .max(250),
        loaded: z.array(z.object({ ...metafieldKey, value: z.string().nullable() })).nullable(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const client = ctx.adminClient;
      const result = await setProductMetafields(client, input);
      if (result.status === "notFound") throw productNotFound();
      ctx.log.info(
        { product: input.productId, status: result.status, count: input.metafields.length },
        "metafields save",
      );
      return result;
    }),
});
