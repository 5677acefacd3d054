import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestEmulator, testApp, type TestEmulator } from "./emulator-client";

const SHOP = "webhooks.myshopify.com";

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let emulator: TestEmulator;
let receiver: Server;
let token: string;
const received: Received[] = [];
/** Statuses the receiver answers, in order; 200 once they run out. */
const answers: number[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      res.statusCode = answers.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const { port } = receiver.address() as AddressInfo;

  emulator = await startTestEmulator({
    app: { ...testApp(), url: `http://127.0.0.1:${port}` },
    shops: [{ domain: SHOP, products: 3 }],
    webhooks: { attempts: 3, firstRetryMs: 20 },
  });
  token = await emulator.offlineToken(SHOP);
});

afterAll(async () => {
  await emulator?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

async function settled(count: number): Promise<void> {
  for (let waited = 0; received.length < count && waited < 5_000; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function signatureOf(body: string): string {
  return createHmac("sha256", emulator.app.apiSecret).update(body).digest("base64");
}

describe("product webhooks", () => {
  it("deliver products/update signed, retried until the app accepts it", async () => {
    received.length = 0;
    answers.push(500, 503);

    await emulator.graphql(
      SHOP,
      token,
      `mutation { productUpdate(product: { id: "gid://shopify/Product/2", title: "Renamed" }) {
        userErrors { message } } }`,
    );
    await settled(3);

    expect(received.map((delivery) => delivery.path)).toEqual([
      "/webhooks/products/update",
      "/webhooks/products/update",
      "/webhooks/products/update",
    ]);
    const [first, , last] = received;
    expect(last?.body).toBe(first?.body);
    expect(last?.headers).toMatchObject({
      "content-type": "application/json",
      "x-shopify-topic": "products/update",
      "x-shopify-shop-domain": SHOP,
      "x-shopify-api-version": "2026-10",
      "x-shopify-webhook-id": first?.headers["x-shopify-webhook-id"],
      "x-shopify-hmac-sha256": signatureOf(last?.body ?? ""),
    });
    expect(JSON.parse(last?.body ?? "{}")).toMatchObject({
      id: 2,
      admin_graphql_api_id: "gid://shopify/Product/2",
      title: "Renamed",
    });

    const journal = await emulator.journal({ kind: "webhook" });
    expect(journal.map((entry) => [entry.status, entry.attempt])).toEqual([
      [500, 1],
      [503, 2],
      [200, 3],
    ]);
  });

  it("deliver products/delete when a product is deleted through the control API", async () => {
    received.length = 0;

    const deleted = await emulator.json(`/__emulator/shops/${SHOP}/products/3`, {
      method: "DELETE",
    });
    await settled(1);

    expect(deleted.body).toEqual({ deleted: "gid://shopify/Product/3" });
    expect(received[0]).toMatchObject({ path: "/webhooks/products/delete" });
    expect(JSON.parse(received[0]?.body ?? "{}")).toEqual({ id: 3 });
    const gone = await emulator.json(`/__emulator/shops/${SHOP}/products/3`);
    expect(gone.status).toBe(404);
  });

  it("deliver products/create after productCreate", async () => {
    received.length = 0;

    await emulator.graphql(
      SHOP,
      token,
      `mutation { productCreate(product: { title: "Desk Lamp" }) { userErrors { message } } }`,
    );
    await settled(1);

    expect(received[0]).toMatchObject({
      path: "/webhooks/products/create",
      headers: { "x-shopify-topic": "products/create" },
    });
    expect(JSON.parse(received[0]?.body ?? "{}")).toMatchObject({ id: 4, title: "Desk Lamp" });
  });

  it("send nothing for an update Shopify refused", async () => {
    received.length = 0;

    await emulator.graphql(
      SHOP,
      token,
      `mutation { productUpdate(product: { id: "gid://shopify/Product/404", title: "x" }) {
        userErrors { message } } }`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(received).toEqual([]);
    const { body } = await emulator.json(`/__emulator/shops/${SHOP}/stats`);
    expect(body.webhooks).toEqual({ sent: 3, delivered: 3, failed: 0, pending: 0 });
  });
});
