import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDatabase, type Database } from "~/database.server";

import { generateProducts } from "../../../emulator/fixtures/products";
import { testDatabaseProviders } from "../database/databases";
import { addFault } from "../seo/seo-support";
import { expectRedactToErase, shopKeys, shopRows } from "../seo/shop-rows";
import { SHOP_A, SHOP_B, startStack, type Stack } from "../../support/stack";
import { deliverWebhook } from "../../support/webhooks";

import {
  emulatorAdmin,
  eventually,
  journal,
  trpc,
  waitForSync,
  webhooksSettled,
} from "./products-helpers";

const CATALOG_SIZE = 45;
const gid = (id: number) => `gid://shopify/Product/${id}`;

const SET_SEO = `#graphql
  mutation SetSeo($product: ProductUpdateInput!) {
    productUpdate(product: $product) {
      product { id updatedAt }
      userErrors { field message }
    }
  }
`;

interface ListPage {
  total: number;
  nextCursor: string | null;
  products: Array<{ productId: string; score: number; issues: string[] }>;
}

describe.each(testDatabaseProviders())("the products area on %s", (provider) => {
  let stack: Stack;
  let db: Database;
  const fixture = generateProducts(SHOP_A.domain, CATALOG_SIZE);

  const rowOf = (shop: string, id: number) =>
    db.metaTag.findFirst({
      where: { shop: { domain: shop }, resourceId: gid(id) },
      include: { issues: { select: { rule: true }, orderBy: { rule: "asc" } } },
    });

  beforeAll(async () => {
    stack = await startStack(provider, {
      shops: [
        { ...SHOP_A, products: CATALOG_SIZE },
        { ...SHOP_B, products: 5 },
      ],
    });
    db = createDatabase(stack.databaseUrl);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await stack?.stop();
  });

  afterAll(() => {
    const failures = stack?.app.logs.filter((line) => Number(line.level) >= 50) ?? [];
    expect(failures.map((line) => line.msg)).toEqual([]);
  });

  /** Admin API reads of a product, which handling a product webhook makes. */
  const productReads = async () =>
    (await journal(stack, SHOP_A.domain)).filter((entry) => entry.operationName === "ProductDetail")
      .length;

  /** A products/update delivery newer than the mirror, so handling it reads the product. */
  const productUpdate = (id: number, webhookId: string) => ({
    appUrl: stack.app.url,
    path: "/webhooks/products/update",
    topic: "products/update",
    shop: SHOP_A.domain,
    secret: stack.apiSecret,
    payload: { id, updated_at: new Date(Date.now() + 3_600_000).toISOString() },
    webhookId,
  });

  it("reads the whole catalog into the mirror after install, page by page", async () => {
    expect((await trpc(stack, SHOP_A.domain, "shop.info")).status).toBe(200);

    const status = await waitForSync(stack, SHOP_A.domain);

    expect(status).toMatchObject({ processed: CATALOG_SIZE, trigger: "install" });
    expect(await db.metaTag.count({ where: { shop: { domain: SHOP_A.domain } } })).toBe(
      CATALOG_SIZE,
    );
    for (const product of fixture) {
      const row = await rowOf(SHOP_A.domain, product.id);
      expect(row).toMatchObject({
        handle: product.handle,
        title: product.title,
        seoTitle: product.seo.title,
        seoDescription: product.seo.description,
        imageCount: product.images.length,
        imagesWithoutAlt: product.images.filter((image) => !image.alt).length,
      });
      const rules = row?.issues.map((issue) => issue.rule) ?? [];
      expect(rules.includes("seo-title-missing")).toBe(product.seo.title === null);
      expect(rules.includes("image-alt-missing")).toBe(product.images.some((image) => !image.alt));
    }
    const pages = (await journal(stack, SHOP_A.domain)).filter(
      (entry) => entry.operationName === "ProductsPage",
    );
    expect(pages).toHaveLength(Math.ceil(CATALOG_SIZE / 35));
  });

  it("summarises the store score and the products per issue", async () => {
    const { data } = await trpc(stack, SHOP_A.domain, "products.summary");
    const summary = data as {
      storeScore: number;
      products: number;
      issues: Array<{ rule: string; products: number }>;
      sync: { state: string; lastCompletedAt: string };
    };

    const scores = await db.metaTag.aggregate({
      where: { shop: { domain: SHOP_A.domain } },
      _avg: { auditScore: true },
    });
    expect(summary.products).toBe(CATALOG_SIZE);
    expect(summary.storeScore).toBe(Math.round(scores._avg.auditScore ?? NaN));
    expect(summary.sync.state).toBe("completed");
    const missingTitles = fixture.filter((product) => product.seo.title === null).length;
    expect(summary.issues).toContainEqual({ rule: "seo-title-missing", products: missingTitles });
  });

  it("lists one issue's products by score, following the cursor over HTTP", async () => {
    const input = { issue: "seo-title-missing", sort: "score", direction: "desc", pageSize: 4 };
    const seen: ListPage["products"] = [];
    let cursor: string | null = null;
    let total = 0;
    do {
      const { status, data } = await trpc(stack, SHOP_A.domain, "products.list", {
        ...input,
        cursor,
      });
      expect(status).toBe(200);
      const page = data as ListPage;
      seen.push(...page.products);
      ({ total, nextCursor: cursor } = page);
    } while (cursor);

    expect(seen).toHaveLength(total);
    expect(total).toBe(fixture.filter((product) => product.seo.title === null).length);
    expect(new Set(seen.map((product) => product.productId)).size).toBe(total);
    for (const product of seen) expect(product.issues).toContain("seo-title-missing");
    const scores = seen.map((product) => product.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("answers bad list input with 400 naming each field", async () => {
    const many = await trpc(stack, SHOP_A.domain, "products.list", {
      pageSize: 500,
      issue: "seo-title-typo",
    });
    const cursor = await trpc(stack, SHOP_A.domain, "products.list", { cursor: "not-a-cursor" });
    // Well formed, for the right sort, but with a value no score can have.
    const forged = Buffer.from(
      JSON.stringify({ sort: "score", direction: "desc", value: "x", id: "c1" }),
    ).toString("base64url");
    const tampered = await trpc(stack, SHOP_A.domain, "products.list", {
      sort: "score",
      direction: "desc",
      cursor: forged,
    });

    expect(many.status).toBe(400);
    expect(many.error?.data.code).toBe("BAD_REQUEST");
    expect(Object.keys(many.error?.data.fieldErrors ?? {}).sort()).toEqual(["issue", "pageSize"]);
    expect(many.error?.message).toMatch(/pageSize: Page size can be at most 100/);
    expect(cursor.status).toBe(400);
    expect(cursor.error?.data.fieldErrors).toEqual({
      cursor: ["cursor: not a cursor this list returned"],
    });
    expect(tampered.status).toBe(400);
    expect(tampered.error?.data.fieldErrors).toEqual({
      cursor: ["cursor: not a cursor this list returned"],
    });
  });

  it("returns one product with its issues, and nothing of another shop's", async () => {
    const own = await trpc(stack, SHOP_A.domain, "products.get", { id: "40" });
    expect((await trpc(stack, SHOP_B.domain, "shop.info")).status).toBe(200);
    const foreign = await trpc(stack, SHOP_B.domain, "products.get", { id: gid(40) });
    const malformed = await trpc(stack, SHOP_A.domain, "products.get", { id: "product-40" });

    const row = await rowOf(SHOP_A.domain, 40);
    const rules = (own.data as { issues: Array<{ rule: string }> }).issues.map(({ rule }) => rule);
    expect(own.status).toBe(200);
    expect(own.data).toMatchObject({
      productId: gid(40),
      legacyId: "40",
      seoTitle: row?.seoTitle ?? null,
      score: row?.auditScore,
    });
    expect([...rules].sort()).toEqual((row?.issues ?? []).map(({ rule }) => rule));
    expect(foreign.status).toBe(404);
    expect(malformed.status).toBe(400);
    expect(Object.keys(malformed.error?.data.fieldErrors ?? {})).toEqual(["id"]);
  });

  it("re-audits a product changed in Shopify when the emulator's webhook arrives", async () => {
    const [source, target] = fixture.filter((product) => product.seo.title !== null);
    if (!source?.seo.title || !target) throw new Error("the fixture has SEO titles");
    const graphql = await emulatorAdmin(stack, SHOP_A.domain);

    await graphql(SET_SEO, { product: { id: gid(target.id), seo: { title: source.seo.title } } });

    const updated = await eventually(async () => {
      const row = await rowOf(SHOP_A.domain, target.id);
      return row?.seoTitle === source.seo.title ? row : undefined;
    }, "the webhook to update the mirror");
    const sourceRow = await rowOf(SHOP_A.domain, source.id);
    expect(updated.issues.map((issue) => issue.rule)).toContain("seo-title-duplicate");
    expect(sourceRow?.issues.map((issue) => issue.rule)).toContain("seo-title-duplicate");
    expect(updated.source).toBe("shopify");
  });

  it("handles a webhook delivered twice with the same id once", async () => {
    await webhooksSettled(stack, SHOP_A.domain);
    const before = await productReads();
    const delivery = productUpdate(7, `duplicate-${provider}`);

    const first = await deliverWebhook(delivery);
    const second = await deliverWebhook(delivery);

    expect([first.status, second.status]).toEqual([200, 200]);
    expect((await productReads()) - before).toBe(1);
    expect(await db.webhookDelivery.count({ where: { id: delivery.webhookId } })).toBe(1);
  });

  it("asks Shopify to retry a delivery that arrives while its first attempt is being handled", async () => {
    await webhooksSettled(stack, SHOP_A.domain);
    const before = await productReads();
    // A slow read of the product keeps the first attempt busy while the retry arrives.
    await addFault(stack, {
      kind: "latency",
      shop: SHOP_A.domain,
      operationName: "ProductDetail",
      latencyMs: 1_500,
      count: 1,
    });
    const delivery = productUpdate(8, `overlapping-${provider}`);

    const first = deliverWebhook(delivery);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const overlapping = await deliverWebhook(delivery);
    const firstAnswer = await first;
    const later = await deliverWebhook(delivery);

    expect([firstAnswer.status, overlapping.status, later.status]).toEqual([200, 409, 200]);
    expect((await productReads()) - before).toBe(1);
    const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.webhookId } });
    expect(row.handledAt).toBeInstanceOf(Date);
  });

  it("handles again a delivery whose first attempt was cut off long ago", async () => {
    await webhooksSettled(stack, SHOP_A.domain);
    const before = await productReads();
    const webhookId = `cut-off-${provider}`;
    // What a process killed in the middle of handling leaves behind.
    await db.webhookDelivery.create({
      data: {
        id: webhookId,
        shopDomain: SHOP_A.domain,
        topic: "PRODUCTS_UPDATE",
        receivedAt: new Date(Date.now() - 10 * 60_000),
      },
    });

    const retry = await deliverWebhook(productUpdate(9, webhookId));

    expect(retry.status).toBe(200);
    expect((await productReads()) - before).toBe(1);
    const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: webhookId } });
    expect(row.handledAt).toBeInstanceOf(Date);
  });

  it("drops a product deleted in Shopify from the mirror", async () => {
    const deleted = await fetch(
      `${stack.emulatorUrl}/__emulator/shops/${SHOP_A.domain}/products/12`,
      { method: "DELETE" },
    );
    expect(deleted.status).toBe(200);

    await eventually(
      async () => ((await rowOf(SHOP_A.domain, 12)) === null ? true : undefined),
      "products/delete to remove the row",
    );
    const { data } = await trpc(stack, SHOP_A.domain, "products.summary");
    expect((data as { products: number }).products).toBe(CATALOG_SIZE - 1);
  });

  it("runs one manual sync at a time and keeps the mirror in step with Shopify", async () => {
    const first = await trpc(stack, SHOP_A.domain, "products.sync.start", undefined, "POST");
    const second = await trpc(stack, SHOP_A.domain, "products.sync.start", undefined, "POST");

    expect(first.data).toMatchObject({ started: true, status: { state: "running" } });
    expect(second.data).toMatchObject({ started: false, status: { state: "running" } });
    expect(await waitForSync(stack, SHOP_A.domain)).toMatchObject({
      trigger: "manual",
      processed: CATALOG_SIZE - 1,
    });
    expect(await rowOf(SHOP_A.domain, 12)).toBeNull();
  });

  it("erases the shop's catalog, issues, sync and webhook records on shop/redact", async () => {
    await waitForSync(stack, SHOP_B.domain);
    await webhooksSettled(stack, SHOP_A.domain);
    const alpha = await shopKeys(db, SHOP_A.domain);
    const bravo = await shopKeys(db, SHOP_B.domain);
    const bravoBefore = await shopRows(db, bravo);
    const alphaBefore = await shopRows(db, alpha);
    expect(alphaBefore.metaTags).toBe(CATALOG_SIZE - 1);
    expect(alphaBefore.seoIssues).toBeGreaterThan(0);
    expect(alphaBefore).toMatchObject({ catalogSyncs: 1, activePlans: 1 });
    expect(alphaBefore.webhookDeliveries).toBeGreaterThan(0);

    await expectRedactToErase(stack, db, alpha, { keys: bravo, before: bravoBefore });
    expect(bravoBefore).toMatchObject({ shops: 1, metaTags: 5, catalogSyncs: 1 });
  });
});
