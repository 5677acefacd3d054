import { randomUUID } from "node:crypto";
import { generateProducts, type ProductRecord } from "../fixtures/products";
import { hashSeed } from "../fixtures/prng";
import { fullBucket, type Bucket, type BucketConfig } from "./bucket";
import type { MetafieldRecord } from "./catalog/metafields";

export type ShopPlan = {
  displayName: string;
  partnerDevelopment: boolean;
  shopifyPlus: boolean;
};

export type ShopOwner = {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  locale: string;
};

export type ShopRecord = {
  id: number;
  domain: string;
  handle: string;
  name: string;
  email: string;
  plan: ShopPlan;
  currencyCode: string;
  ianaTimezone: string;
  createdAt: string;
  owner: ShopOwner;
  /** Stands in for the merchant's admin login session (the `sid` claim of session tokens). */
  adminSessionId: string;
  products: ProductRecord[];
  productsById: Map<number, ProductRecord>;
  /** Products sorted by a sort key, computed on first use. */
  sortedProducts: Map<string, ProductRecord[]>;
  bucketConfig: BucketConfig;
  bucket: Bucket;
  /** Metafields by product id. */
  metafields: Map<number, MetafieldRecord[]>;
  counters: { nextProductId: number; nextMetafieldId: number };
  stats: ShopStats;
};

/** What the app changed, so tests can prove for instance that each product changed once. */
export type ShopStats = {
  /** Applied productUpdate calls by product id. */
  productUpdates: Map<number, number>;
  /** Products created through productCreate. */
  productCreates: number;
  /** Metafield values written by product id. */
  metafieldWrites: Map<number, number>;
};

export type ShopInput = {
  domain: string;
  name?: string;
  email?: string;
  products?: number;
  plan?: Partial<ShopPlan>;
  bucket?: BucketConfig;
};

export const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

export function isShopDomain(value: string): boolean {
  return SHOP_DOMAIN.test(value);
}

export function shopHandle(domain: string): string {
  return domain.replace(/\.myshopify\.com$/, "");
}

function titleCase(handle: string): string {
  return handle
    .split("-")
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
}

export function createShop(
  input: ShopInput,
  defaults: { bucket: BucketConfig; now: number },
): ShopRecord {
  const handle = shopHandle(input.domain);
  const seed = hashSeed(input.domain);
  const products = generateProducts(input.domain, input.products ?? 0);
  const bucketConfig = input.bucket ?? defaults.bucket;

  return {
    id: 60_000_000_000 + seed,
    domain: input.domain,
    handle,
    name: input.name ?? titleCase(handle),
    email: input.email ?? `${handle}@example.com`,
    plan: {
      displayName: input.plan?.displayName ?? "Basic",
      partnerDevelopment: input.plan?.partnerDevelopment ?? false,
      shopifyPlus: input.plan?.shopifyPlus ?? false,
    },
    currencyCode: "USD",
    ianaTimezone: "America/New_York",
    createdAt: new Date(Date.UTC(2024, 10, 4, 15, 0, 0)).toISOString(),
    owner: {
      id: 70_000_000_000 + hashSeed(`owner:${input.domain}`),
      firstName: "Alex",
      lastName: "Merchant",
      email: input.email ?? `${handle}@example.com`,
      locale: "en",
    },
    adminSessionId: randomUUID().replace(/-/g, ""),
    products,
    productsById: new Map(products.map((product) => [product.id, product])),
    sortedProducts: new Map(),
    bucketConfig,
    bucket: fullBucket(bucketConfig, defaults.now),
    metafields: new Map(),
    counters: { nextProductId: products.length + 1, nextMetafieldId: 1 },
    stats: { productUpdates: new Map(), productCreates: 0, metafieldWrites: new Map() },
  };
}
