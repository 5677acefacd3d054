import type { Database } from "~/db.server";
import { logger } from "~/observability/logger.server";
import type { AdminClient } from "~/services/shopify/client.server";
import { UserErrorsError } from "~/services/shopify/errors";
import type { UserError } from "~/services/shopify/operation";
import { PRODUCT_DETAIL } from "~/services/shopify/operations/product-detail";
import { PRODUCT_SEO_UPDATE } from "~/services/shopify/operations/product-seo-update";

import { mirrorSeoChange } from "../mirror/record-seo-change.server";
import { SEO_FIELDS } from "../seo-field-limits";

import { detectSeoConflict, type ProductVersion, type SeoValues } from "./conflict";
import { checkSeoFields, SEO_FIELD_ISSUE_MESSAGES } from "./seo-field-checks";

export interface SaveProductSeoInput {
  productId: string;
  seo: { title: string; description: string };
  /** The product as the editor loaded it; null to overwrite whatever Shopify holds now. */
  loaded: ProductVersion | null;
}

export type SaveProductSeoResult =
  | { status: "saved"; product: ProductVersion }
  | { status: "invalid"; userErrors: UserError[] }
  | { status: "conflict"; changedFields: Array<keyof SeoValues>; current: ProductVersion }
  | { status: "notFound" };

/**
 * Saves a product's SEO title and description as the merchant typed them (trimmed; empty
 * clears the field). Unless told to overwrite, it first compares the product's updatedAt with
 * the one the editor loaded and stops with the current version when Shopify has a newer one.
 */
export async function saveProductSeo(
  db: Database,
  client: AdminClient,
  shopId: string,
  input: SaveProductSeoInput,
): Promise<SaveProductSeoResult> {
  const seo = { title: input.seo.title.trim(), description: input.seo.description.trim() };
  const issues = checkSeoFields(seo);
  const ownErrors = SEO_FIELDS.flatMap((field) => {
    const issue = issues[field];
    return issue
      ? [{ field: ["seo", field], message: SEO_FIELD_ISSUE_MESSAGES[issue](field) }]
      : [];
  });
  if (ownErrors.length > 0) return { status: "invalid", userErrors: ownErrors };

  const { product: current } = await client.execute(PRODUCT_DETAIL, { id: input.productId });
  if (!current) return { status: "notFound" };
  if (input.loaded) {
    const conflict = detectSeoConflict(input.loaded, current);
    if (conflict.conflict) {
      return {
        status: "conflict",
        changedFields: conflict.changedFields,
        current: conflict.current,
      };
    }
  }

  let updated;
  try {
    ({ product: updated } = await client.execute(PRODUCT_SEO_UPDATE, { id: input.productId, seo }));
  } catch (error) {
    if (error instanceof UserErrorsError)
      return { status: "invalid", userErrors: error.userErrors };
    throw error;
  }
  if (!updated) return { status: "notFound" };

  const change = {
    resourceId: input.productId,
    seo: updated.seo,
    previous: current.seo,
    source: "manual" as const,
    shopifyUpdatedAt: new Date(updated.updatedAt),
  };
  await mirrorSeoChange(db, shopId, change, logger.child({ component: "seo-editor" }));
  return { status: "saved", product: { updatedAt: updated.updatedAt, seo: updated.seo } };
}
