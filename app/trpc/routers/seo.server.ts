import { z } from "zod";

import { prisma } from "~/db.server";
import { productForEditor } from "~/services/seo/editor/product-for-editor.server";
import { saveProductSeo } from "~/services/seo/editor/product-seo.server";
import { previewTemplates } from "~/services/seo/templates/template-preview.server";
import {
  describeTemplateIssues,
  hasIssues,
  templateIssues,
} from "~/services/seo/templates/seo-templates";

import { router, shopProcedure } from "../init.server";

import { seoBulkRunsRouter } from "./seo-bulk-runs.server";
import { productNotFound } from "./seo-errors.server";
import { shopForTemplates } from "./seo-shop.server";
import { MAX_SELECTION, productId, productVersion, templatePair } from "./seo-inputs";
import { seoTemplatesRouter } from "./seo-templates.server";

function templatesOf(input: z.infer<typeof templatePair>) {
  return { title: input.titleTemplate ?? null, description: input.descriptionTemplate ?? null };
}

/** Product SEO editing, templates and bulk runs. */
export const seoRouter = router({
  /** One product as the editor shows it, read from Shopify now. */
  product: shopProcedure.input(z.object({ productId })).query(async ({ ctx, input }) => {
    const client = ctx.adminClient;
    const shop = await shopForTemplates(ctx.shop, client);
    const found = await productForEditor(prisma, client, shop, input.productId);
    if (!found) throw productNotFound();
    return found;
  }),

  /**
   * Saves a product's SEO title and description. With `loaded` (what the editor loaded), a
   * product changed in Shopify since then is not written: the answer is the current version.
   */
  updateProductSeo: shopProcedure
    .input(
      z.object({
        productId,
        seo: z.object({ title: z.string().max(1000), description: z.string().max(5000) }),
        loaded: productVersion.nullable(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const client = ctx.adminClient;
      const result = await saveProductSeo(prisma, client, ctx.shop.id, input);
      if (result.status === "notFound") throw productNotFound();
      ctx.log.info({ product: input.productId, status: result.status }, "product SEO save");
      return result;
    }),

  /** The template's problems with their positions; nothing is read from Shopify. */
  validateTemplate: shopProcedure.input(templatePair).query(({ input }) => {
    const issues = templateIssues(templatesOf(input));
    const valid = !hasIssues(issues);
    return { valid, issues, message: valid ? null : describeTemplateIssues(issues) };
  }),

  /** The templates rendered for the first few products of the selection (or the catalog). */
  previewTemplate: shopProcedure
    .input(templatePair.extend({ productIds: z.array(productId).max(MAX_SELECTION).default([]) }))
    .query(async ({ ctx, input }) => {
      const client = ctx.adminClient;
      return previewTemplates(client, await shopForTemplates(ctx.shop, client), {
        templates: templatesOf(input),
        productIds: input.productIds,
      });
    }),

  templates: seoTemplatesRouter,
  bulkRuns: seoBulkRunsRouter,
});
