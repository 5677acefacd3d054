import { afterAll, beforeAll, expect, it } from "vitest";

import { runBatch } from "~/services/shopify/batch.server";
import type { AdminClient } from "~/services/shopify/client.server";
import { AdminTransportError } from "~/services/shopify/errors";
import { PRODUCT_CREATE } from "~/services/shopify/operations/product-create";
import { PRODUCT_DETAIL } from "~/services/shopify/operations/product-detail";
import { PRODUCT_SEO_UPDATE } from "~/services/shopify/operations/product-seo-update";

import { startStack, type Stack } from "../../support/stack";

import { addFault, adminClientFor, control, disconnectApp, shopStats } from "./app-client";

const SHOP = "fault-batch.myshopify.com";
const PRODUCTS = 520;

let stack: Stack;
let client: AdminClient;

interface JournalEntry {
  operationName: string | null;
  status: number;
  cost: { requested: number; actual: number | null } | null;
  fault?: string;
}

beforeAll(async () => {
  stack = await startStack("sqlite", {
    // A small, fast bucket: the batch would drain it within the first 100 updates, so the client
    // has to pace itself, and the test still finishes in seconds.
    shops: [{ domain: SHOP, products: PRODUCTS, bucket: { size: 1000, restoreRate: 1000 } }],
  });
  client = await adminClientFor(stack, SHOP);
});

afterAll(async () => {
  await disconnectApp();
  await stack?.stop();
});

function productIds(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `gid://shopify/Product/${index + 1}`);
}

it("updates 500 products exactly once through throttling, 5xx answers and resets", async () => {
  await control(stack, "/journal", { method: "DELETE" });
  // Only the updates are faulted: the app server reads the same shop in the background.
  const target = { shop: SHOP, operationName: "ProductSeoUpdate" };
  await addFault(stack, { ...target, kind: "throttle", count: 25 });
  await addFault(stack, { ...target, kind: "throttle", probability: 0.05, seed: 11 });
  await addFault(stack, { ...target, kind: "status", status: 503, probability: 0.05, seed: 12 });
  await addFault(stack, { ...target, kind: "status", status: 500, count: 10 });
  await addFault(stack, { ...target, kind: "reset", probability: 0.05, seed: 13 });
  const ids = productIds(500);

  const results = await runBatch(
    ids,
    (id, signal) =>
      client.execute(
        PRODUCT_SEO_UPDATE,
        { id, seo: { title: `New title for ${id}`, description: `About ${id}` } },
        { signal },
      ),
    { client, concurrency: 8 },
  );
  await control(stack, "/faults", { method: "DELETE" });

  expect(results.filter((result) => !result.ok)).toEqual([]);
  const stats = await shopStats(stack, SHOP);
  expect(stats.productUpdates.total).toBe(500);
  expect(Object.keys(stats.productUpdates.byProduct).sort()).toEqual([...ids].sort());
  expect(new Set(Object.values(stats.productUpdates.byProduct))).toEqual(new Set([1]));

  const { entries: journal } = await control<{ entries: JournalEntry[] }>(
    stack,
    `/journal?shop=${SHOP}&kind=graphql`,
  );
  const entries = journal.filter((entry) => entry.operationName === "ProductSeoUpdate");
  const faults = new Set(entries.map((entry) => entry.fault).filter(Boolean));
  expect(faults).toEqual(new Set(["throttle", "status 503", "status 500", "reset before"]));
  // The only THROTTLED answers were the forced ones: the client never let the bucket run dry.
  const throttledByBucket = entries.filter((entry) => !entry.fault && entry.cost?.actual === null);
  expect(throttledByBucket).toEqual([]);

  const { product } = await client.execute(PRODUCT_DETAIL, { id: "gid://shopify/Product/1" });
  expect(product?.seo).toEqual({
    title: "New title for gid://shopify/Product/1",
    description: "About gid://shopify/Product/1",
  });
});

it("resends an SEO update whose answer was lost, which leaves the same values", async () => {
  const id = "gid://shopify/Product/510";
  await addFault(stack, {
    shop: SHOP,
    kind: "reset",
    timing: "after",
    operationName: "ProductSeoUpdate",
    count: 1,
  });

  const data = await client.execute(PRODUCT_SEO_UPDATE, { id, seo: { title: "Applied twice" } });

  expect(data.product?.seo.title).toBe("Applied twice");
  const stats = await shopStats(stack, SHOP);
  // Shopify offers no idempotency key for productUpdate: the lost first answer was applied too.
  expect(stats.productUpdates.byProduct[id]).toBe(2);
});

it("does not resend a create whose answer was lost, so no duplicate product appears", async () => {
  const before = await shopStats(stack, SHOP);
  await addFault(stack, {
    shop: SHOP,
    kind: "reset",
    timing: "after",
    operationName: "ProductCreate",
    count: 1,
  });

  const failure = await client
    .execute(PRODUCT_CREATE, { product: { title: "Desk lamp" } })
    .catch((error: unknown) => error);

  expect(failure).toBeInstanceOf(AdminTransportError);
  expect(failure).toMatchObject({ operation: "ProductCreate", mayHaveApplied: true });
  const after = await shopStats(stack, SHOP);
  expect(after.productCreates - before.productCreates).toBe(1);
  expect(after.products).toBe(PRODUCTS + 1);
});
