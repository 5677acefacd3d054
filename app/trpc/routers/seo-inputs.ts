import { z } from "zod";

import { TEMPLATE_MAX_LENGTH } from "~/services/seo/templates/template-syntax";
import { productId } from "~/services/shopify/operations/product-summary";

export { productId };

/** The most products one run (or one preview request) may name explicitly. */
export const MAX_SELECTION = 10_000;

export const templateText = z.string().max(TEMPLATE_MAX_LENGTH).nullish();

export const templatePair = z.object({
  titleTemplate: templateText,
  descriptionTemplate: templateText,
});

export const seoValues = z.object({
  title: z.string().nullable(),
  description: z.string().nullable(),
});

export const productVersion = z.object({ updatedAt: z.string().min(1), seo: seoValues });
