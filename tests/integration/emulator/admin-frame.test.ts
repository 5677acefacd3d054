import "@shopify/shopify-api/adapters/node";
import { ApiVersion, LogSeverity, shopifyApi } from "@shopify/shopify-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { verifySessionToken } from "../../../emulator/shopify/session-token";

import { startTestEmulator, testApp, type TestEmulator } from "./emulator-client";

const SHOP = "frame-test.myshopify.com";
const APP = { ...testApp(), url: "http://127.0.0.1:3999" };

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({
    app: APP,
    shops: [{ domain: SHOP, name: "Frame Test Boutique", products: 2 }],
  });
});

afterAll(async () => {
  await emulator?.close();
});

async function framePage(path: string) {
  const response = await fetch(`${emulator.url}${path}`);
  const html = await response.text();
  const src = /<iframe[^>]*\bsrc="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, "&");
  return { response, html, src: src ? new URL(src) : undefined };
}

describe("admin frame", () => {
  it("frames the app's /app route with the launch parameters Shopify sends", async () => {
    const { response, html, src } = await framePage("/store/frame-test/apps/searchlight-seo");

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(html).toContain("Frame Test Boutique");
    expect(src?.origin).toBe(APP.url);
    expect(src?.pathname).toBe("/app");
    expect(Object.fromEntries(src?.searchParams ?? [])).toMatchObject({
      embedded: "1",
      shop: SHOP,
      locale: "en",
      host: Buffer.from("admin.shopify.com/store/frame-test").toString("base64"),
    });
  });

  it("passes the checks shopify-api makes on id_token, host and hmac", async () => {
    const { src } = await framePage("/store/frame-test/apps/searchlight-seo/products/3?tab=seo");
    const shopify = shopifyApi({
      apiKey: APP.apiKey,
      apiSecretKey: APP.apiSecret,
      apiVersion: ApiVersion.October26,
      hostName: "127.0.0.1:3999",
      isEmbeddedApp: true,
      logger: { level: LogSeverity.Error, log: async () => undefined },
    });
    const params = src?.searchParams ?? new URLSearchParams();

    expect(src?.pathname).toBe("/app/products/3");
    expect(params.get("tab")).toBe("seo");
    expect(shopify.utils.sanitizeHost(params.get("host") ?? "")).toBe(params.get("host"));
    expect(await shopify.utils.validateHmac(Object.fromEntries(params))).toBe(true);
    const payload = await shopify.session.decodeSessionToken(params.get("id_token") ?? "");
    expect(payload.dest).toBe(`https://${SHOP}`);
    const verified = verifySessionToken(params.get("id_token") ?? "", {
      shop: SHOP,
      apiKey: APP.apiKey,
      apiSecret: APP.apiSecret,
      now: Date.now(),
    });
    expect(verified.ok && verified.claims.exp - verified.claims.iat).toBe(60);
  });

  it("also finds the app by its client id, like the admin", async () => {
    const { response } = await framePage(`/store/frame-test/apps/${APP.apiKey}`);

    expect(response.status).toBe(200);
  });

  it("answers 404 for unknown stores and apps", async () => {
    const store = await framePage("/store/ghost/apps/searchlight-seo");
    const app = await framePage("/store/frame-test/apps/another-app");

    expect(store.response.status).toBe(404);
    expect(store.html).toContain("POST /__emulator/shops");
    expect(app.response.status).toBe(404);
  });

  it("serves the App Bridge stand-in and the frame script as JavaScript", async () => {
    for (const path of ["/app-bridge.js", "/admin-frame.js"]) {
      const response = await fetch(`${emulator.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^application\/javascript/);
    }
    const source = await (await fetch(`${emulator.url}/app-bridge.js`)).text();
    expect(source).toContain("is not implemented by the emulator");
  });

  it("serves product images locally", async () => {
    const token = await emulator.offlineToken(SHOP);
    const response = await emulator.graphql(
      SHOP,
      token,
      "{ products(first: 2) { nodes { images(first: 1) { nodes { url } } } } }",
    );
    const urls: string[] = response.body.data.products.nodes.flatMap(
      (node: { images: { nodes: Array<{ url: string }> } }) =>
        node.images.nodes.map((image) => image.url),
    );

    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url.startsWith(`${emulator.url}/cdn/`)).toBe(true);
      const image = await fetch(url);
      expect(image.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    }
  });
});
