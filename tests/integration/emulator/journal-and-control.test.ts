import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestEmulator, type TestEmulator } from "./emulator-client";

const SHOP = "journal-test.myshopify.com";

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ shops: [{ domain: SHOP, products: 4 }] });
});

afterAll(async () => {
  await emulator?.close();
});

describe("request journal", () => {
  it("records token exchanges and GraphQL calls with operation names and costs", async () => {
    await emulator.json("/__emulator/journal", { method: "DELETE" });
    const token = await emulator.offlineToken(SHOP);

    await emulator.graphql(
      SHOP,
      token,
      "query ProductIds { products(first: 10) { nodes { id } } }",
    );
    await emulator.graphql(SHOP, token, "query Typo { shop { nam } }");

    const entries = await emulator.journal({ shop: SHOP });
    expect(entries.map((entry) => entry.kind)).toEqual([
      "control",
      "token-exchange",
      "graphql",
      "graphql",
    ]);
    expect(entries[2]).toMatchObject({
      method: "POST",
      path: `/shop/${SHOP}/admin/api/2026-10/graphql.json`,
      operationName: "ProductIds",
      status: 200,
      cost: { requested: 12, actual: 6 },
    });
    expect(entries[3]).toMatchObject({ operationName: "Typo", cost: null });
  });

  it("filters by kind and clears", async () => {
    const exchanges = await emulator.journal({ kind: "token-exchange" });
    expect(exchanges.length).toBeGreaterThan(0);
    expect(exchanges.every((entry) => entry.kind === "token-exchange")).toBe(true);

    const cleared = await emulator.json("/__emulator/journal", { method: "DELETE" });

    expect(cleared.status).toBe(204);
    expect(await emulator.journal({ shop: SHOP })).toEqual([]);
  });
});

describe("control API", () => {
  it("reports health", async () => {
    const response = await emulator.json("/__emulator/health");

    expect(response.body).toEqual({
      status: "ok",
      shops: expect.any(Number),
      app: "searchlight-seo",
    });
  });

  it("creates shops with deterministic products and replaces them on a second call", async () => {
    const body = JSON.stringify({
      domain: "new-shop.myshopify.com",
      name: "New Shop",
      products: 9,
    });

    const created = await emulator.json("/__emulator/shops", { method: "POST", body });
    const replaced = await emulator.json("/__emulator/shops", { method: "POST", body });

    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      domain: "new-shop.myshopify.com",
      name: "New Shop",
      email: "new-shop@example.com",
      products: 9,
      adminUrl: `${emulator.url}/store/new-shop/apps/searchlight-seo`,
    });
    expect(replaced.status).toBe(200);

    const token = await emulator.offlineToken("new-shop.myshopify.com");
    const query = "{ products(first: 50) { nodes { id title } } }";
    const first = await emulator.graphql("new-shop.myshopify.com", token, query);
    await emulator.json("/__emulator/shops", { method: "POST", body });
    const again = await emulator.graphql(
      "new-shop.myshopify.com",
      await emulator.offlineToken("new-shop.myshopify.com"),
      query,
    );
    expect(again.body.data).toEqual(first.body.data);
    expect(first.body.data.products.nodes).toHaveLength(9);
  });

  it("refuses malformed shops, naming the field", async () => {
    const response = await emulator.json("/__emulator/shops", {
      method: "POST",
      body: JSON.stringify({ domain: "not a domain", products: -1 }),
    });

    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fieldErrors).sort()).toEqual(["domain", "products"]);
  });

  it("mints session tokens only for shops it knows", async () => {
    const known = await emulator.json("/__emulator/session-tokens", {
      method: "POST",
      body: JSON.stringify({ shop: SHOP }),
    });
    const unknown = await emulator.json("/__emulator/session-tokens", {
      method: "POST",
      body: JSON.stringify({ shop: "ghost.myshopify.com" }),
    });

    expect(known.body.token.split(".")).toHaveLength(3);
    expect(unknown.status).toBe(404);
  });

  it("resets to the seeded shops and forgets every token", async () => {
    const token = await emulator.offlineToken(SHOP);

    const reset = await emulator.json("/__emulator/reset", { method: "POST" });
    const afterReset = await emulator.graphql(SHOP, token, "{ shop { name } }");
    const shops = await emulator.json("/__emulator/shops");

    expect(reset.body).toEqual({ status: "reset", shops: 1 });
    expect(afterReset.status).toBe(401);
    expect(shops.body.shops.map((shop: { domain: string }) => shop.domain)).toEqual([SHOP]);
  });

  it("answers only loopback host names", async () => {
    const { request } = await import("node:http");
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(`${emulator.url}/__emulator/health`, {
        headers: { Host: "evil.example.com" },
      });
      req.on("response", (response) => {
        response.resume();
        resolve(response.statusCode);
      });
      req.on("error", reject);
      req.end();
    });

    expect(status).toBe(403);
  });
});
