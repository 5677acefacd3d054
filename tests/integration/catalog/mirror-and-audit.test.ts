import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDatabase, type Database } from "~/database.server";
import { auditCatalog } from "~/services/catalog/audit-catalog.server";
import { removeProducts, saveProducts } from "~/services/catalog/save-products.server";

import {
  createTestDatabase,
  testDatabaseProviders,
  type TestDatabase,
} from "../database/databases";

import { createShop, issuesOf, productSummary } from "./catalog-fixtures";

const gid = (id: number) => `gid://shopify/Product/${id}`;

describe.each(testDatabaseProviders())("the catalog mirror on %s", (provider) => {
  let database: TestDatabase;
  let db: Database;
  let shopId: string;
  let otherShopId: string;

  async function write(products: ReturnType<typeof productSummary>[], seenAt = new Date()) {
    const change = await saveProducts(db, shopId, products, seenAt);
    await auditCatalog(db, shopId, change);
    return change;
  }

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    db = createDatabase(database.url);
    shopId = await createShop(db, "mirror-a.myshopify.com");
    otherShopId = await createShop(db, "mirror-b.myshopify.com");
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it("stores the mirror fields and the audit of each product", async () => {
    await write([
      productSummary(1),
      productSummary(2, { seo: { title: null, description: "Buy now." } }),
      productSummary(3, { featuredImage: { url: "https://cdn.example/3.jpg", altText: null } }),
    ]);

    const row = await db.metaTag.findFirstOrThrow({ where: { shopId, resourceId: gid(1) } });
    expect(row).toMatchObject({
      resourceType: "PRODUCT",
      handle: "product-1",
      title: "Product 00001",
      status: "ACTIVE",
      price: "48.0",
      seoTitle: "Product 1 | Harbor Goods canvas bags",
      featuredImageAlt: "Product 1, front view",
      source: "shopify",
      auditScore: 100,
    });
    expect(await issuesOf(db, shopId, gid(2))).toEqual({
      score: 45,
      rules: ["seo-description-too-short", "seo-title-missing"],
    });
    expect(await issuesOf(db, shopId, gid(3))).toEqual({ score: 80, rules: ["image-alt-missing"] });
  });

  it("flags duplicates across the catalog and clears them when one product changes", async () => {
    const shared = { title: "  Waxed Canvas Tote | Harbor Goods ", description: null };
    await write([
      productSummary(10, { seo: { ...shared } }),
      productSummary(11, { seo: { ...shared, title: "waxed canvas tote | harbor goods" } }),
    ]);
    expect((await issuesOf(db, shopId, gid(10))).rules).toContain("seo-title-duplicate");
    expect((await issuesOf(db, shopId, gid(11))).rules).toContain("seo-title-duplicate");

    const later = new Date(Date.UTC(2026, 11, 1)).toISOString();
    await write([
      productSummary(11, { updatedAt: later, seo: { ...shared, title: "A tote of its own kind" } }),
    ]);

    expect((await issuesOf(db, shopId, gid(10))).rules).not.toContain("seo-title-duplicate");
    expect((await issuesOf(db, shopId, gid(11))).rules).not.toContain("seo-title-duplicate");
  });

  it("re-checks a removed product's former duplicates", async () => {
    const seo = { title: "Canvas Weekender Bag With Leather Straps", description: null };
    await write([productSummary(20, { seo }), productSummary(21, { seo })]);
    expect((await issuesOf(db, shopId, gid(20))).rules).toContain("seo-title-duplicate");

    const change = await removeProducts(db, shopId, { resourceIds: [gid(21)] });
    await auditCatalog(db, shopId, change);

    expect(change.removed).toBe(1);
    expect(await db.metaTag.count({ where: { resourceId: gid(21) } })).toBe(0);
    expect((await issuesOf(db, shopId, gid(20))).rules).not.toContain("seo-title-duplicate");
  });

  it("keeps a newer row when an older description of the product arrives late", async () => {
    const newer = new Date(Date.UTC(2026, 11, 2)).toISOString();
    const older = new Date(Date.UTC(2026, 11, 1)).toISOString();
    await write([productSummary(30, { updatedAt: newer, title: "Newest title" })]);

    const change = await write([productSummary(30, { updatedAt: older, title: "Stale title" })]);

    expect(change.ids.size).toBe(0);
    const row = await db.metaTag.findFirstOrThrow({ where: { shopId, resourceId: gid(30) } });
    expect(row.title).toBe("Newest title");
  });

  it("marks SEO changed in Shopify as coming from Shopify", async () => {
    await db.metaTag.updateMany({
      where: { shopId, resourceId: gid(1) },
      data: { source: "manual" },
    });
    const later = new Date(Date.UTC(2026, 11, 3)).toISOString();

    await write([productSummary(1, { updatedAt: later, vendor: "Renamed vendor" })]);
    const unchangedSeo = await db.metaTag.findFirstOrThrow({
      where: { shopId, resourceId: gid(1) },
    });
    await write([
      productSummary(1, {
        updatedAt: new Date(Date.UTC(2026, 11, 4)).toISOString(),
        seo: { title: "Edited in the Shopify admin, long enough", description: null },
      }),
    ]);
    const changedSeo = await db.metaTag.findFirstOrThrow({ where: { shopId, resourceId: gid(1) } });

    expect(unchangedSeo).toMatchObject({ vendor: "Renamed vendor", source: "manual" });
    expect(changedSeo.source).toBe("shopify");
  });

  it("removes products a full sync no longer saw, and never another shop's", async () => {
    const syncStart = new Date(Date.now() + 60_000);
    await saveProducts(db, otherShopId, [productSummary(1)], new Date(0));
    const kept = [1, 2, 3, 10, 11, 20, 30].map((id) => productSummary(id));
    await write(kept, syncStart);
    await write([productSummary(40)], new Date(0));

    const change = await removeProducts(db, shopId, { notSeenSince: syncStart });

    expect(change.removed).toBe(1);
    expect(await db.metaTag.count({ where: { shopId } })).toBe(kept.length);
    expect(await db.metaTag.count({ where: { shopId: otherShopId } })).toBe(1);
  });

  it("agrees with a full re-audit after incremental changes", async () => {
    const before = await db.seoIssue.findMany({
      where: { shopId },
      select: { metaTagId: true, rule: true },
      orderBy: [{ metaTagId: "asc" }, { rule: "asc" }],
    });
    const result = await auditCatalog(db, shopId, "all");

    expect(result.issuesAdded + result.issuesResolved).toBe(0);
    expect(
      await db.seoIssue.findMany({
        where: { shopId },
        select: { metaTagId: true, rule: true },
        orderBy: [{ metaTagId: "asc" }, { rule: "asc" }],
      }),
    ).toEqual(before);
  });
});
