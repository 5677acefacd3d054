import { TRPCError } from "@trpc/server";
import { z } from "zod";

import { databaseProvider, prisma } from "~/db.server";
import { env } from "~/env.server";
import { catalogSummary } from "~/services/catalog/catalog-summary.server";
import { startCatalogSync } from "~/services/catalog/catalog-sync.server";
import { listProducts } from "~/services/catalog/list-products.server";
import { productGid } from "~/services/catalog/mirror-fields";
import { mirroredProduct } from "~/services/catalog/product-detail.server";
import { decodeCursor, InvalidCursorError } from "~/services/catalog/product-cursor.server";
import { productListInput } from "~/services/catalog/product-list-input";
import { syncStatus } from "~/services/catalog/sync-status";

import { router, shopProcedure } from "../init.server";

const provider = databaseProvider(env.DATABASE_URL);

/** The page's input with its cursor checked against the sort it asks for. */
const listInput = productListInput.transform((input, ctx) => {
  if (!input.cursor) return { ...input, cursor: null };
  try {
    return { ...input, cursor: decodeCursor(input.cursor, input) };
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    ctx.issues.push({ code: "custom", path: ["cursor"], message: error.message, input });
    return z.NEVER;
  }
});

const productRef = z.object({
  id: z
    .string()
    .regex(/^(gid:\/\/shopify\/Product\/)?\d+$/, "Use a product GID or its numeric id")
    .transform((id) => (id.startsWith("gid://") ? id : productGid(id))),
});

export const productsRouter = router({
  /** A page of the mirrored catalog, filtered, sorted and paged by cursor. */
  list: shopProcedure
    .input(listInput)
    .query(({ ctx, input }) => listProducts(prisma, ctx.shop.id, input, provider)),

  /** Store score, products per issue and the state of the catalog sync. */
  summary: shopProcedure.query(({ ctx }) => catalogSummary(prisma, ctx.shop.id)),

  /** One mirrored product with its failed audit rules. */
  get: shopProcedure.input(productRef).query(async ({ ctx, input }) => {
    const product = await mirroredProduct(prisma, ctx.shop.id, input.id);
    if (!product) {
      throw new TRPCError({
        code: "NOT_FOUND",
        message: `Product ${input.id} is not in the catalog`,
      });
    }
    return product;
  }),

  sync: router({
    /** Starts a full catalog sync in the background unless one is already running. */
    start: shopProcedure.mutation(async ({ ctx }) => {
      const started = await startCatalogSync(
        prisma,
        { shopId: ctx.shop.id, domain: ctx.shop.domain },
        { trigger: "manual", log: ctx.log },
      );
      const row = await prisma.catalogSync.findUnique({ where: { shopId: ctx.shop.id } });
      return { started, status: syncStatus(row) };
    }),

    status: shopProcedure.query(async ({ ctx }) => {
      const row = await prisma.catalogSync.findUnique({ where: { shopId: ctx.shop.id } });
      return syncStatus(row);
    }),
  }),
});
