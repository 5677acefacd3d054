/**
 * The part of Shopify's product search syntax the app uses: free text, `field:value` terms
 * (a trailing `*` matches a prefix, commas list alternatives), `-` or NOT to negate, terms
 * joined by AND. Unknown fields are reported the way Shopify reports them, as search warnings.
 */
import type { ProductRecord } from "../../fixtures/products";
import type { ShopRecord } from "../shops";
import { compareKeys, type SortValue } from "./connection";

export type SearchWarning = { field: string; message: string };

type Term = { field: string | null; value: string; negated: boolean };

type Matcher = (product: ProductRecord, value: string) => boolean;

const TERM = /(-)?(?:([a-z_]+):)?("(?:[^"\\]|\\.)*"|\S+)/gi;

function textMatches(text: string, value: string): boolean {
  const wanted = value.toLowerCase();
  const haystack = text.toLowerCase();
  return wanted.endsWith("*")
    ? haystack.startsWith(wanted.slice(0, -1))
    : haystack.includes(wanted);
}

function oneOf(text: string, value: string): boolean {
  return value.split(",").some((option) => option.trim().toLowerCase() === text.toLowerCase());
}

const MATCHERS: Record<string, Matcher> = {
  title: (product, value) => textMatches(product.title, value),
  handle: (product, value) => oneOf(product.handle, value),
  status: (product, value) => oneOf(product.status, value),
  vendor: (product, value) => oneOf(product.vendor, value),
  product_type: (product, value) => oneOf(product.productType, value),
  tag: (product, value) => product.tags.some((tag) => oneOf(tag, value)),
  id: (product, value) =>
    oneOf(String(product.id), value.replace(/^gid:\/\/shopify\/Product\//, "")),
  sku: (product, value) => product.variants.some((variant) => oneOf(variant.sku ?? "", value)),
};

function freeText(product: ProductRecord, value: string): boolean {
  return [product.title, product.vendor, product.productType, ...product.tags].some((text) =>
    textMatches(text, value),
  );
}

function parseTerms(query: string): Term[] {
  const terms: Term[] = [];
  let negateNext = false;

  for (const match of query.matchAll(TERM)) {
    const [, minus, field, raw = ""] = match;
    const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw;
    if (!field && (value === "AND" || value === "OR")) continue;
    if (!field && value === "NOT") {
      negateNext = true;
      continue;
    }
    terms.push({
      field: field?.toLowerCase() ?? null,
      value,
      negated: Boolean(minus) || negateNext,
    });
    negateNext = false;
  }
  return terms;
}

export function searchProducts(
  products: readonly ProductRecord[],
  query: string | null | undefined,
): { products: readonly ProductRecord[]; warnings: SearchWarning[] } {
  if (!query?.trim()) return { products, warnings: [] };

  const warnings: SearchWarning[] = [];
  const checks: Array<(product: ProductRecord) => boolean> = [];
  for (const term of parseTerms(query)) {
    const matcher = term.field === null ? freeText : MATCHERS[term.field];
    if (!matcher) {
      warnings.push({ field: term.field ?? "", message: "Invalid search field for this query." });
      continue;
    }
    checks.push((product) => matcher(product, term.value) !== term.negated);
  }
  return {
    products: products.filter((product) => checks.every((check) => check(product))),
    warnings,
  };
}

const SORT_VALUES: Record<string, (product: ProductRecord) => SortValue> = {
  ID: () => null,
  RELEVANCE: () => null,
  TITLE: (product) => product.title.toLowerCase(),
  CREATED_AT: (product) => product.createdAt,
  UPDATED_AT: (product) => product.updatedAt,
  PUBLISHED_AT: (product) => product.publishedAt,
  VENDOR: (product) => product.vendor.toLowerCase(),
  PRODUCT_TYPE: (product) => product.productType.toLowerCase(),
  INVENTORY_TOTAL: () => 0,
};

export function sortValueOf(sortKey: string): (product: ProductRecord) => SortValue {
  return SORT_VALUES[sortKey] ?? SORT_VALUES.ID ?? (() => null);
}

/** The shop's products in ascending order for `sortKey`, cached until the catalogue changes. */
export function sortedProducts(shop: ShopRecord, sortKey: string): ProductRecord[] {
  const cached = shop.sortedProducts.get(sortKey);
  if (cached) return cached;

  const valueOf = sortValueOf(sortKey);
  const sorted = [...shop.products].sort((a, b) =>
    compareKeys({ id: a.id, value: valueOf(a) }, { id: b.id, value: valueOf(b) }),
  );
  shop.sortedProducts.set(sortKey, sorted);
  return sorted;
}
