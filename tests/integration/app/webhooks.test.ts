import { readFileSync } from "node:fs";

import { parse } from "smol-toml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

import { createDatabase, type Database } from "~/database.server";

import { testDatabaseProviders } from "../database/databases";
import { SHOP_A, SHOP_B, startStack, type Stack } from "../../support/stack";
import { deliverWebhook } from "../../support/webhooks";

const appToml = z.object({
  webhooks: z.object({
    api_version: z.string(),
    subscriptions: z.array(
      z.object({
        topics: z.array(z.string()).optional(),
        compliance_topics: z.array(z.string()).optional(),
        uri: z.string().startsWith("/"),
      }),
    ),
  }),
});

const subscriptions = appToml
  .parse(parse(readFileSync("shopify.app.toml", "utf8")))
  .webhooks.subscriptions.flatMap(({ topics = [], compliance_topics = [], uri }) =>
    [...topics, ...compliance_topics].map((topic) => ({ topic, uri })),
  );

const PRODUCT_IMAGE = {
  id: 101,
  product_id: 1,
  position: 1,
  alt: null,
  width: 1200,
  height: 1200,
  src: "https://cdn.shopify.com/s/files/1/0000/0001/products/waxed-canvas-tote-1.jpg",
  variant_ids: [],
  admin_graphql_api_id: "gid://shopify/ProductImage/101",
};

// The REST representation Shopify sends for product topics, trimmed to one variant and image.
const PRODUCT_PAYLOAD = {
  admin_graphql_api_id: "gid://shopify/Product/1",
  body_html: "<p>Our <strong>waxed canvas tote</strong> is built for daily use.</p>",
  created_at: "2025-01-06T04:37:00-05:00",
  handle: "waxed-canvas-tote",
  id: 1,
  product_type: "Bags",
  published_at: "2025-01-06T05:37:00-05:00",
  template_suffix: null,
  title: "Waxed Canvas Tote",
  updated_at: "2026-11-30T12:00:00-05:00",
  vendor: "Harbor Goods",
  status: "active",
  published_scope: "global",
  tags: "canvas, gift",
  variants: [
    {
      admin_graphql_api_id: "gid://shopify/ProductVariant/101",
      id: 101,
      product_id: 1,
      title: "Default Title",
      price: "48.00",
      sku: "WAXEDCANVA-1-1",
      position: 1,
      inventory_policy: "deny",
      compare_at_price: null,
      option1: "Default Title",
      taxable: true,
      barcode: null,
      created_at: "2025-01-06T04:37:00-05:00",
      updated_at: "2026-11-30T12:00:00-05:00",
    },
  ],
  options: [{ id: 11, product_id: 1, name: "Title", position: 1, values: ["Default Title"] }],
  images: [PRODUCT_IMAGE],
  image: PRODUCT_IMAGE,
  media: [],
  variant_gids: [{ admin_graphql_api_id: "gid://shopify/ProductVariant/101" }],
  has_variants_that_requires_components: false,
  category: null,
};

const PAYLOADS: Record<string, unknown> = {
  "app/uninstalled": { id: 1, domain: SHOP_A.domain },
  "app/scopes_update": { id: 1, previous: ["read_products"], current: ["read_products"] },
  "customers/data_request": {
    shop_domain: SHOP_A.domain,
    customer: { id: 1 },
    orders_requested: [],
  },
  "customers/redact": { shop_domain: SHOP_A.domain, customer: { id: 1 }, orders_to_redact: [] },
  "shop/redact": { shop_id: 1, shop_domain: SHOP_A.domain },
  "products/create": PRODUCT_PAYLOAD,
  "products/update": PRODUCT_PAYLOAD,
  "products/delete": { id: 1 },
};

async function install(stack: Stack, shop: string) {
  const token = await stack.sessionToken(shop);
  const response = await stack.request("/api/trpc/shop.info", {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
}

async function rowsFor(db: Database, domain: string) {
  const shop = await db.shop.findUnique({ where: { domain } });
  return {
    shops: shop ? 1 : 0,
    plans: shop ? await db.activePlan.count({ where: { shopId: shop.id } }) : 0,
    sessions: await db.session.count({ where: { shop: domain } }),
  };
}

it("subscribes to the lifecycle, compliance and product topics on API 2026-10", () => {
  expect(subscriptions.map(({ topic }) => topic).sort()).toEqual([
    "app/scopes_update",
    "app/uninstalled",
    "customers/data_request",
    "customers/redact",
    "products/create",
    "products/delete",
    "products/update",
    "shop/redact",
  ]);
});

describe.each(testDatabaseProviders())("webhooks on %s", (provider) => {
  let stack: Stack;
  let db: Database;

  beforeAll(async () => {
    stack = await startStack(provider);
    db = createDatabase(stack.databaseUrl);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await stack?.stop();
  });

  it.each(subscriptions)("handles $topic at $uri", async ({ topic, uri }) => {
    const response = await deliverWebhook({
      appUrl: stack.app.url,
      path: uri,
      topic,
      shop: SHOP_B.domain,
      secret: stack.apiSecret,
      payload: PAYLOADS[topic],
    });

    expect(response.status).toBe(200);
  });

  it.each(subscriptions)("refuses $topic with a bad HMAC", async ({ topic, uri }) => {
    const response = await deliverWebhook({
      appUrl: stack.app.url,
      path: uri,
      topic,
      shop: SHOP_B.domain,
      secret: stack.apiSecret,
      payload: PAYLOADS[topic],
      signature: "bm90IGEgc2lnbmF0dXJl",
    });

    expect(response.status).toBe(401);
  });

  it("refuses a topic delivered to another topic's route", async () => {
    const response = await deliverWebhook({
      appUrl: stack.app.url,
      path: "/webhooks/shop/redact",
      topic: "customers/redact",
      shop: SHOP_B.domain,
      secret: stack.apiSecret,
      payload: PAYLOADS["customers/redact"],
    });

    expect(response.status).toBe(400);
  });

  it("erases every row of the redacted shop and nothing of another", async () => {
    await install(stack, SHOP_A.domain);
    await install(stack, SHOP_B.domain);
    expect(await rowsFor(db, SHOP_A.domain)).toEqual({ shops: 1, plans: 1, sessions: 1 });

    const response = await deliverWebhook({
      appUrl: stack.app.url,
      path: "/webhooks/shop/redact",
      topic: "shop/redact",
      shop: SHOP_A.domain,
      secret: stack.apiSecret,
      payload: PAYLOADS["shop/redact"],
    });

    expect(response.status).toBe(200);
    expect(await rowsFor(db, SHOP_A.domain)).toEqual({ shops: 0, plans: 0, sessions: 0 });
    expect(await rowsFor(db, SHOP_B.domain)).toEqual({ shops: 1, plans: 1, sessions: 1 });
  });

  it("marks an uninstalled shop and drops its sessions, keeping its data", async () => {
    await install(stack, SHOP_B.domain);

    const response = await deliverWebhook({
      appUrl: stack.app.url,
      path: "/webhooks/app/uninstalled",
      topic: "app/uninstalled",
      shop: SHOP_B.domain,
      secret: stack.apiSecret,
      payload: PAYLOADS["app/uninstalled"],
    });

    expect(response.status).toBe(200);
    expect(await rowsFor(db, SHOP_B.domain)).toEqual({ shops: 1, plans: 1, sessions: 0 });
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: SHOP_B.domain } });
    expect(shop.uninstalledAt).toBeInstanceOf(Date);
  });
});
