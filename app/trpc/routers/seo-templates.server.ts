import { z } from "zod";

import { prisma } from "~/db.server";
import {
  createTemplate,
  deleteTemplate,
  listTemplates,
  updateTemplate,
} from "~/services/seo/templates/template-store.server";

import { router, shopProcedure } from "../init.server";

import { asTrpcErrors } from "./seo-errors.server";
import { templateText } from "./seo-inputs";

const templateInput = z.object({
  name: z.string().trim().min(1).max(100),
  titleTemplate: templateText,
  descriptionTemplate: templateText,
});

const templateId = z.object({ id: z.string().min(1) });

function fields(input: z.infer<typeof templateInput>) {
  return {
    name: input.name,
    titleTemplate: input.titleTemplate ?? null,
    descriptionTemplate: input.descriptionTemplate ?? null,
  };
}

/** The shop's saved title and description templates. */
export const seoTemplatesRouter = router({
  list: shopProcedure.query(({ ctx }) => listTemplates(prisma, ctx.shop.id)),

  create: shopProcedure.input(templateInput).mutation(async ({ ctx, input }) => {
    const template = await asTrpcErrors(() => createTemplate(prisma, ctx.shop.id, fields(input)));
    ctx.log.info({ templateId: template.id }, "SEO template created");
    return template;
  }),

  update: shopProcedure
    .input(templateInput.extend(templateId.shape))
    .mutation(async ({ ctx, input }) => {
      const template = await asTrpcErrors(() =>
        updateTemplate(prisma, ctx.shop.id, input.id, fields(input)),
      );
      ctx.log.info({ templateId: template.id }, "SEO template updated");
      return template;
    }),

  delete: shopProcedure.input(templateId).mutation(async ({ ctx, input }) => {
    await asTrpcErrors(() => deleteTemplate(prisma, ctx.shop.id, input.id));
    ctx.log.info({ templateId: input.id }, "SEO template deleted");
    return { id: input.id };
  }),
});
