import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestEmulator, type TestEmulator } from "./emulator-client";

const SHOP = "throttle-test.myshopify.com";
const PAGE = "{ products(first: 20) { nodes { id } } }"; // requests 22, returns 5 rows: costs 7

let emulator: TestEmulator;
let token: string;
let now = Date.UTC(2026, 5, 1);

beforeAll(async () => {
  emulator = await startTestEmulator({
    shops: [{ domain: SHOP, products: 5 }],
    bucket: { size: 50, restoreRate: 10 },
    clock: () => now,
  });
  token = await emulator.offlineToken(SHOP);
});

afterAll(async () => {
  await emulator?.close();
});

describe("throttling", () => {
  it("takes the requested cost, refunds to the actual cost, then throttles", async () => {
    const first = await emulator.graphql(SHOP, token, PAGE);
    expect(first.body.extensions.cost).toEqual({
      requestedQueryCost: 22,
      actualQueryCost: 7,
      throttleStatus: { maximumAvailable: 50, currentlyAvailable: 43, restoreRate: 10 },
    });

    const second = await emulator.graphql(SHOP, token, PAGE);
    const third = await emulator.graphql(SHOP, token, PAGE);
    expect(second.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(36);
    expect(third.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(29);

    const throttled = await emulator.graphql(
      SHOP,
      token,
      "{ products(first: 30) { nodes { id } } }",
    );
    expect(throttled.status).toBe(200);
    expect(throttled.body).toEqual({
      errors: [
        {
          message: "Throttled",
          extensions: {
            code: "THROTTLED",
            documentation: "https://shopify.dev/api/usage/rate-limits",
          },
        },
      ],
      extensions: {
        cost: {
          requestedQueryCost: 32,
          actualQueryCost: null,
          throttleStatus: { maximumAvailable: 50, currentlyAvailable: 29, restoreRate: 10 },
        },
      },
    });
  });

  it("recovers once the bucket has refilled", async () => {
    now += 1_000;

    const recovered = await emulator.graphql(
      SHOP,
      token,
      "{ products(first: 30) { nodes { id } } }",
    );

    expect(recovered.body.errors).toBeUndefined();
    expect(recovered.body.extensions.cost).toMatchObject({
      requestedQueryCost: 32,
      actualQueryCost: 7,
      throttleStatus: { currentlyAvailable: 39 - 7 },
    });
  });

  it("keeps a bucket per shop", async () => {
    await emulator.json("/__emulator/shops", {
      method: "POST",
      body: JSON.stringify({ domain: "calm-shop.myshopify.com", products: 1 }),
    });
    const calmToken = await emulator.offlineToken("calm-shop.myshopify.com");

    const response = await emulator.graphql("calm-shop.myshopify.com", calmToken, PAGE);

    expect(response.body.extensions.cost.throttleStatus.currentlyAvailable).toBe(50 - 3);
  });

  it("records throttled requests in the journal", async () => {
    const entries = await emulator.journal({ shop: SHOP, kind: "graphql" });

    expect(entries.map((entry) => entry.cost)).toContainEqual({ requested: 32, actual: null });
  });
});
