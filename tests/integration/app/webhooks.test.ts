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

it("subscribes to the lifecycle and compliance topics on API 2026-10", () => {
  expect(subscriptions.map(({ topic }) => topic).sort()).toEqual([
    "app/scopes_update",
    "app/uninstalled",
    "customers/data_request",
    "customers/redact",
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
