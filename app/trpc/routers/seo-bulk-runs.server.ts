import { TRPCError } from "@trpc/server";
import { z } from "zod";

import { prisma } from "~/db.server";
import { bulkRunWorker } from "~/services/seo/bulk/bulk-runner.server";
import { cancelRun, undoRun } from "~/services/seo/bulk/run-control.server";
import { getRun, listRunItems, listRuns } from "~/services/seo/bulk/run-queries.server";
import { ITEM_STATUSES } from "~/services/seo/bulk/run-status";
import { startBulkRun } from "~/services/seo/bulk/start-run.server";

import { router, shopProcedure } from "../init.server";

import { asTrpcErrors } from "./seo-errors.server";
import { shopForTemplates } from "./seo-shop.server";
import { MAX_SELECTION, productId, templateText } from "./seo-inputs";

const runId = z.object({ runId: z.string().min(1) });

const startInput = z.object({
  templateId: z.string().min(1).nullish(),
  titleTemplate: templateText,
  descriptionTemplate: templateText,
  scope: z.enum(["selection", "catalog"]),
  productIds: z.array(productId).max(MAX_SELECTION).default([]),
});

/** Durable bulk SEO runs: start, follow, cancel, undo. The worker does the sending. */
export const seoBulkRunsRouter = router({
  start: shopProcedure.input(startInput).mutation(async ({ ctx, input }) => {
    const template = input.templateId
      ? await prisma.seoTemplate.findFirst({ where: { id: input.templateId, shopId: ctx.shop.id } })
      : null;
    if (input.templateId && !template) {
      throw new TRPCError({ code: "NOT_FOUND", message: "No such template for this shop" });
    }

    const client = ctx.adminClient;
    // The worker reads {shop_name} from the shop's row.
    await shopForTemplates(ctx.shop, client);
    const run = await asTrpcErrors(() =>
      startBulkRun(prisma, client, {
        shopId: ctx.shop.id,
        templateId: template?.id ?? null,
        templates: {
          title: template ? template.titleTemplate : (input.titleTemplate ?? null),
          description: template
            ? template.descriptionTemplate
            : (input.descriptionTemplate ?? null),
        },
        scope:
          input.scope === "catalog"
            ? { kind: "catalog" }
            : { kind: "selection", productIds: input.productIds },
      }),
    );

    bulkRunWorker.wake(run.id, ctx.shop.domain);
    ctx.log.info({ runId: run.id, scope: run.scope, total: run.total }, "bulk SEO run started");
    return { runId: run.id, total: run.total };
  }),

  get: shopProcedure
    .input(runId)
    .query(({ ctx, input }) => asTrpcErrors(() => getRun(prisma, ctx.shop.id, input.runId))),

  list: shopProcedure.query(({ ctx }) => listRuns(prisma, ctx.shop.id)),

  items: shopProcedure
    .input(
      runId.extend({
        statuses: z.array(z.enum(ITEM_STATUSES)).optional(),
        afterPosition: z.number().int().nullish(),
        take: z.number().int().min(1).max(100).default(50),
      }),
    )
    .query(({ ctx, input }) => asTrpcErrors(() => listRunItems(prisma, ctx.shop.id, input))),

  cancel: shopProcedure.input(runId).mutation(async ({ ctx, input }) => {
    await asTrpcErrors(() => cancelRun(prisma, ctx.shop.id, input.runId));
    bulkRunWorker.cancelled(input.runId, ctx.shop.domain);
    ctx.log.info({ runId: input.runId }, "bulk SEO run cancel requested");
    return { runId: input.runId };
  }),

  undo: shopProcedure.input(runId).mutation(async ({ ctx, input }) => {
    await asTrpcErrors(() => undoRun(prisma, ctx.shop.id, input.runId));
    bulkRunWorker.wake(input.runId, ctx.shop.domain);
    ctx.log.info({ runId: input.runId }, "bulk SEO run undo started");
    return { runId: input.runId };
  }),
});
