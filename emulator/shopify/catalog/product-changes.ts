/**
 * productCreate and productUpdate as Shopify applies them: input checked field by field, user
 * errors instead of changes when something is wrong, `updatedAt` moved on every applied update.
 * The SEO title and description are stored as sent: the Admin API does not cap their length
 * (the admin's 70 and 320 character counters are an editor aid), so neither does the emulator.
 */
import { GraphQLError } from "graphql";
import type { ProductRecord, ProductStatus } from "../../fixtures/products";
import type { ShopRecord } from "../shops";
import { setMetafields, type MetafieldInput } from "./metafields";

export type UserError = { field: string[] | null; message: string };

export type ProductInput = {
  id?: unknown;
  title?: string | null;
  handle?: string | null;
  descriptionHtml?: string | null;
  vendor?: string | null;
  productType?: string | null;
  status?: ProductStatus | null;
  tags?: string[] | null;
  seo?: { title?: string | null; description?: string | null } | null;
  metafields?: MetafieldInput[] | null;
  redirectNewHandle?: boolean | null;
};

export type ProductChange = { product: ProductRecord | null; userErrors: UserError[] };

const EMULATED_FIELDS = new Set([
  "id",
  "title",
  "handle",
  "descriptionHtml",
  "vendor",
  "productType",
  "status",
  "tags",
  "seo",
  "metafields",
  "redirectNewHandle",
]);

const MAX_TEXT = 255;
const PRODUCT_GID = /^gid:\/\/shopify\/Product\/(\d+)$/;

/** Schema defaults (false, null) reach the resolver too; only values asking for more fail. */
function refuseUnemulated(input: Record<string, unknown>, type: string): void {
  for (const [field, value] of Object.entries(input)) {
    if (value === null || value === false) continue;
    if (!EMULATED_FIELDS.has(field)) {
      throw new GraphQLError(`${type}.${field} is not emulated`, {
        extensions: { code: "NOT_EMULATED" },
      });
    }
  }
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function handleTaken(shop: ShopRecord, handle: string, except?: number): boolean {
  return shop.products.some((product) => product.handle === handle && product.id !== except);
}

function freeHandle(shop: ShopRecord, base: string): string {
  const stem = base || "product";
  let handle = stem;
  for (let suffix = 1; handleTaken(shop, handle); suffix += 1) handle = `${stem}-${suffix}`;
  return handle;
}

function seoText(value: string | null | undefined): string | null {
  return value && value.trim() ? value : null;
}

/** The problems Shopify reports for the product's own fields, in input order. */
function fieldErrors(shop: ShopRecord, input: ProductInput, productId?: number): UserError[] {
  const errors: UserError[] = [];
  if (input.title !== undefined && !input.title?.trim()) {
    errors.push({ field: ["title"], message: "Title can't be blank" });
  }
  for (const name of ["title", "vendor", "productType"] as const) {
    const value = input[name];
    if (typeof value === "string" && value.length > MAX_TEXT) {
      const label =
        name === "productType" ? "Product type" : name[0]?.toUpperCase() + name.slice(1);
      errors.push({ field: [name], message: `${label} is too long (maximum is 255 characters)` });
    }
  }
  if (input.handle && handleTaken(shop, input.handle, productId)) {
    errors.push({
      field: ["handle"],
      message: `Handle '${input.handle}' already in use. Please provide a new handle.`,
    });
  }
  return errors;
}

function applyFields(product: ProductRecord, input: ProductInput, now: number): void {
  if (input.title) product.title = input.title;
  if (input.handle) product.handle = input.handle;
  if (input.descriptionHtml != null) product.descriptionHtml = input.descriptionHtml;
  if (input.vendor != null) product.vendor = input.vendor;
  if (input.productType != null) product.productType = input.productType;
  if (input.status) product.status = input.status;
  if (input.tags) product.tags = [...new Set(input.tags.map((tag) => tag.trim()))].sort();
  if (input.seo) {
    if (input.seo.title !== undefined) product.seo.title = seoText(input.seo.title);
    if (input.seo.description !== undefined) {
      product.seo.description = seoText(input.seo.description);
    }
  }
  product.updatedAt = new Date(now).toISOString();
}

function productIdOf(id: unknown): number | null {
  const match = typeof id === "string" ? PRODUCT_GID.exec(id) : null;
  return match?.[1] ? Number(match[1]) : null;
}

function withOwner(inputs: MetafieldInput[] | null | undefined, ownerId: string) {
  return (inputs ?? []).map((metafield) => ({ ...metafield, ownerId }));
}

export function updateProduct(shop: ShopRecord, input: ProductInput, now: number): ProductChange {
  refuseUnemulated(input, "ProductUpdateInput");
  const id = productIdOf(input.id);
  const product = id === null ? undefined : shop.productsById.get(id);
  if (!product) {
    return { product: null, userErrors: [{ field: ["id"], message: "Product does not exist" }] };
  }

  const errors = fieldErrors(shop, input, product.id);
  if (errors.length > 0) return { product: null, userErrors: errors };
  if (input.metafields?.length) {
    const owner = `gid://shopify/Product/${product.id}`;
    const set = setMetafields(shop, withOwner(input.metafields, owner), now, ["metafields"]);
    if (set.userErrors.length > 0) {
      const userErrors = set.userErrors.map(({ field, message }) => ({ field, message }));
      return { product: null, userErrors };
    }
  }

  applyFields(product, input, now);
  shop.sortedProducts.clear();
  shop.stats.productUpdates.set(product.id, (shop.stats.productUpdates.get(product.id) ?? 0) + 1);
  return { product, userErrors: [] };
}

export function createProduct(shop: ShopRecord, input: ProductInput, now: number): ProductChange {
  refuseUnemulated(input, "ProductCreateInput");
  const errors = fieldErrors(shop, { ...input, title: input.title ?? "" });
  if (errors.length > 0) return { product: null, userErrors: errors };

  const id = shop.counters.nextProductId++;
  const time = new Date(now).toISOString();
  const title = input.title ?? "";
  const product: ProductRecord = {
    id,
    handle: input.handle || freeHandle(shop, slugify(title)),
    title,
    descriptionHtml: input.descriptionHtml ?? "",
    vendor: input.vendor ?? shop.name,
    productType: input.productType ?? "",
    status: input.status ?? "ACTIVE",
    createdAt: time,
    updatedAt: time,
    // Shopify creates products unpublished; publishing is a separate mutation.
    publishedAt: null,
    tags: [],
    seo: { title: null, description: null },
    variants: [{ id: id * 100 + 1, title: "Default Title", price: "0.00", sku: null, position: 1 }],
    images: [],
  };
  applyFields(product, input, now);
  shop.products.push(product);
  shop.productsById.set(id, product);
  shop.sortedProducts.clear();

  if (input.metafields?.length) {
    const owner = `gid://shopify/Product/${id}`;
    const set = setMetafields(shop, withOwner(input.metafields, owner), now, ["metafields"]);
    if (set.userErrors.length > 0) {
      // All or nothing: the product goes again when one of its metafields is refused.
      deleteProduct(shop, id);
      const userErrors = set.userErrors.map(({ field, message }) => ({ field, message }));
      return { product: null, userErrors };
    }
  }
  shop.stats.productCreates += 1;
  return { product, userErrors: [] };
}

/** Removes a product and its metafields; null when there was no such product. */
export function deleteProduct(shop: ShopRecord, id: number): ProductRecord | null {
  const product = shop.productsById.get(id);
  if (!product) return null;
  shop.productsById.delete(id);
  shop.products.splice(shop.products.indexOf(product), 1);
  shop.metafields.delete(id);
  shop.sortedProducts.clear();
  return product;
}
