import { placeholderValues, type TemplateShop } from "../templates/placeholder-values";
import { renderSeoTemplates, type SeoTemplates } from "../templates/seo-templates";

import type { BatchContext } from "./batch-context.server";
import { PRODUCT_DELETED, settleItem, type ItemOutcome } from "./item-outcome.server";
import { PRODUCTS_FOR_TEMPLATES, type ProductForTemplates } from "./products-for-templates";
import type { RunItem } from "./seo-values";

/** Reads the pending products, renders their new values and keeps their current ones. */
export async function prepareItems(
  context: BatchContext,
  run: { templates: SeoTemplates; shop: TemplateShop },
  items: RunItem[],
): Promise<RunItem[]> {
  if (items.length === 0) return [];
  const products = await context.client.execute(
    PRODUCTS_FOR_TEMPLATES,
    { ids: items.map((item) => item.resourceId) },
    { signal: context.signal },
  );

  const ready: RunItem[] = [];
  for (const [index, item] of items.entries()) {
    const product = products[index] ?? null;
    const next = product ? nextValues(run, product) : null;
    if (!product || !next) {
      const outcome: ItemOutcome = {
        status: "skipped",
        reason: product ? "The template gave no text for this product" : PRODUCT_DELETED,
      };
      await settleItem(context.db, item, "pending", outcome);
      continue;
    }

    const prepared: RunItem = {
      ...item,
      previousSeoTitle: product.seo.title,
      previousSeoDescription: product.seo.description,
      newSeoTitle: next.title,
      newSeoDescription: next.description,
    };
    await context.db.bulkRunItem.update({
      where: { id: item.id },
      data: {
        previousSeoTitle: prepared.previousSeoTitle,
        previousSeoDescription: prepared.previousSeoDescription,
        newSeoTitle: prepared.newSeoTitle,
        newSeoDescription: prepared.newSeoDescription,
      },
    });
    ready.push(prepared);
  }
  return ready;
}

/** The rendered fields; a field whose template gave no text is left as it is in Shopify. */
function nextValues(
  run: { templates: SeoTemplates; shop: TemplateShop },
  product: ProductForTemplates,
): { title: string | null; description: string | null } | null {
  const values = placeholderValues(
    { ...product, minPrice: product.priceRangeV2.minVariantPrice },
    run.shop,
  );
  const rendered = renderSeoTemplates(run.templates, values);
  const title = rendered.title?.value || null;
  const description = rendered.description?.value || null;
  return title === null && description === null ? null : { title, description };
}
