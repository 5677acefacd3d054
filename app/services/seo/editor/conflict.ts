import type { SeoField } from "../seo-field-limits";

export type SeoValues = { title: string | null; description: string | null };

export interface ProductVersion {
  /** Shopify's updatedAt, ISO 8601. */
  updatedAt: string;
  seo: SeoValues;
}

export type SeoConflict =
  { conflict: false } | { conflict: true; changedFields: SeoField[]; current: ProductVersion };

/**
 * Whether saving over the product would overwrite a change made in Shopify after the editor
 * loaded it. Any newer updatedAt counts, even when only other fields changed: the merchant
 * decides, with the SEO fields that did change named.
 */
export function detectSeoConflict(loaded: ProductVersion, current: ProductVersion): SeoConflict {
  if (sameInstant(loaded.updatedAt, current.updatedAt)) return { conflict: false };

  const changedFields = (["title", "description"] as const).filter(
    (field) => normalized(loaded.seo[field]) !== normalized(current.seo[field]),
  );
  return { conflict: true, changedFields, current };
}

export interface MetafieldVersion {
  namespace: string;
  key: string;
  value: string | null;
}

/**
 * The metafields about to be written whose value in Shopify is no longer the one the editor
 * loaded (null when the metafield did not exist then or does not exist now).
 */
export function changedMetafields(
  loaded: MetafieldVersion[],
  current: MetafieldVersion[],
): MetafieldVersion[] {
  const now = new Map(current.map((field) => [metafieldKey(field), field.value]));
  return loaded.flatMap((field) => {
    const value = now.get(metafieldKey(field)) ?? null;
    return value === field.value ? [] : [{ ...field, value }];
  });
}

export function metafieldKey(field: { namespace: string; key: string }): string {
  return `${field.namespace}.${field.key}`;
}

function sameInstant(a: string, b: string): boolean {
  const [left, right] = [Date.parse(a), Date.parse(b)];
  return Number.isNaN(left) || Number.isNaN(right) ? a === b : left === right;
}

// Shopify stores an empty SEO field as null; both mean "use the product's own text".
function normalized(value: string | null): string {
  return value ?? "";
}
