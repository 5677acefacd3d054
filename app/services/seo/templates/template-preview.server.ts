import type { AdminClient } from "~/services/shopify/client.server";
import { PRODUCTS_PAGE } from "~/services/shopify/operations/products-page";

import { PRODUCTS_FOR_TEMPLATES } from "../bulk/products-for-templates";

import { placeholderValues, type TemplateProduct, type TemplateShop } from "./placeholder-values";
import { hasIssues, renderSeoTemplates, templateIssues, type SeoTemplates } from "./seo-templates";

export const PREVIEW_SAMPLE_SIZE = 5;

type SampleProduct = TemplateProduct & {
  id: string;
  seo: { title: string | null; description: string | null };
};

/**
 * What the templates would write on a few products: the first of the selection, or the first
 * of the catalog. A template with issues is not rendered, and nothing is read from Shopify.
 */
export async function previewTemplates(
  client: AdminClient,
  shop: TemplateShop,
  input: { templates: SeoTemplates; productIds: string[] },
) {
  const issues = templateIssues(input.templates);
  if (hasIssues(issues)) return { issues, products: [] };

  const sample = await sampleProducts(client, input.productIds);
  const products = sample.map((product) => ({
    id: product.id,
    title: product.title,
    current: product.seo,
    next: renderSeoTemplates(input.templates, placeholderValues(product, shop)),
  }));
  return { issues, products };
}

async function sampleProducts(client: AdminClient, productIds: string[]): Promise<SampleProduct[]> {
  if (productIds.length === 0) {
    const { products } = await client.execute(PRODUCTS_PAGE, { first: PREVIEW_SAMPLE_SIZE });
    return products.nodes;
  }
  const found = await client.execute(PRODUCTS_FOR_TEMPLATES, {
    ids: productIds.slice(0, PREVIEW_SAMPLE_SIZE),
  });
  return found.flatMap((product) =>
    product ? [{ ...product, minPrice: product.priceRangeV2.minVariantPrice }] : [],
  );
}
