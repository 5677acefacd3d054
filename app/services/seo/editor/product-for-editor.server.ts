import type { Database } from "~/db.server";
import type { AdminClient } from "~/services/shopify/client.server";
import { PRODUCT_DETAIL } from "~/services/shopify/operations/product-detail";

import { placeholderValues } from "../templates/placeholder-values";
import { renderSeoTemplates } from "../templates/seo-templates";

interface EditorShop {
  id: string;
  domain: string;
  name: string | null;
  language: string;
  primaryDomainHost: string | null;
}

/**
 * A product as the SEO editor shows it, read from Shopify now (its updatedAt is what a save
 * compares against), with one suggestion per saved template rendered for this product.
 */
export async function productForEditor(
  db: Database,
  client: AdminClient,
  shop: EditorShop,
  productId: string,
) {
  const { product } = await client.execute(PRODUCT_DETAIL, { id: productId });
  if (!product) return null;

  const templates = await db.seoTemplate.findMany({
    where: { shopId: shop.id },
    orderBy: { name: "asc" },
    select: { id: true, name: true, titleTemplate: true, descriptionTemplate: true },
  });
  const values = placeholderValues(product, shop);
  const suggestions = templates.map((template) => {
    const rendered = renderSeoTemplates(
      { title: template.titleTemplate, description: template.descriptionTemplate },
      values,
    );
    return {
      templateId: template.id,
      templateName: template.name,
      title: rendered.title?.value || null,
      description: rendered.description?.value || null,
    };
  });

  return {
    product: {
      id: product.id,
      title: product.title,
      handle: product.handle,
      status: product.status,
      updatedAt: product.updatedAt,
      seo: product.seo,
      description: product.description,
    },
    storefrontHost: shop.primaryDomainHost ?? shop.domain,
    suggestions: suggestions.filter((suggestion) => suggestion.title || suggestion.description),
  };
}
