import "@shopify/shopify-api/adapters/node";
import {
  ApiVersion,
  LogSeverity,
  RequestedTokenType,
  shopifyApi,
  type Shopify,
} from "@shopify/shopify-api";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { sessionTokenClaims, signJwt } from "../../../emulator/shopify/session-token";

import {
  ID_TOKEN,
  OFFLINE,
  ONLINE,
  TOKEN_EXCHANGE,
  startTestEmulator,
  type TestEmulator,
} from "./emulator-client";

const SHOP = "exchange-test.myshopify.com";

let emulator: TestEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ shops: [{ domain: SHOP, products: 2 }] });
});

afterAll(async () => {
  await emulator?.close();
});

function exchange(subjectToken: string, requested = OFFLINE, extra: Record<string, string> = {}) {
  return emulator.tokenRequest(SHOP, {
    grant_type: TOKEN_EXCHANGE,
    subject_token: subjectToken,
    subject_token_type: ID_TOKEN,
    requested_token_type: requested,
    ...extra,
  });
}

function tokenWith(overrides: Record<string, unknown>, secret = emulator.app.apiSecret) {
  const claims = sessionTokenClaims({
    shop: SHOP,
    apiKey: emulator.app.apiKey,
    apiSecret: secret,
    userId: 7,
    sessionId: "admin-session",
    now: Date.now(),
  });
  return signJwt({ ...claims, ...overrides }, secret);
}

describe("token exchange", () => {
  it("gives an offline token with the app's scopes for a valid session token", async () => {
    const response = await exchange(await emulator.sessionToken(SHOP));

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      access_token: expect.stringMatching(/^shpat_[0-9a-f]{32}$/),
      scope: "read_products,write_products",
    });
  });

  it("gives an online token with the associated user from the session token", async () => {
    const token = await emulator.sessionToken(SHOP);
    const sub = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()).sub;

    const response = await exchange(token, ONLINE);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      access_token: expect.any(String),
      scope: "read_products,write_products",
      expires_in: 86399,
      associated_user_scope: "read_products,write_products",
      associated_user: { id: Number(sub), account_owner: true, email_verified: true },
    });
  });

  it("gives an expiring offline token and a refresh token that works once", async () => {
    const first = await exchange(await emulator.sessionToken(SHOP), OFFLINE, { expiring: "1" });
    expect(first.body).toMatchObject({
      expires_in: 3600,
      refresh_token: expect.stringMatching(/^shprt_/),
      refresh_token_expires_in: 7776000,
    });

    const refresh = { grant_type: "refresh_token", refresh_token: first.body.refresh_token };
    const refreshed = await emulator.tokenRequest(SHOP, refresh);
    const reused = await emulator.tokenRequest(SHOP, refresh);

    expect(refreshed.status).toBe(200);
    expect(refreshed.body.access_token).not.toBe(first.body.access_token);
    expect(reused.status).toBe(400);
    expect(reused.body.error).toBe("invalid_grant");
  });

  it.each([
    ["a forged signature", () => tokenWith({}, "not-the-app-secret"), /signature/],
    ["an expired token", () => tokenWith({ exp: Math.floor(Date.now() / 1000) - 120 }), /expired/],
    ["another app's audience", () => tokenWith({ aud: "someone-else" }), /audience/],
    ["another shop", () => tokenWith({ dest: "https://elsewhere.myshopify.com" }), /shop/],
  ])("refuses %s with invalid_subject_token", async (_case, makeToken, reason) => {
    const response = await exchange(makeToken());

    expect(response.status).toBe(400);
    expect(response.body.error).toBe("invalid_subject_token");
    expect(response.body.error_description).toMatch(reason);
  });

  it("refuses wrong client credentials and unknown grant types", async () => {
    const token = await emulator.sessionToken(SHOP);

    const badClient = await exchange(token, OFFLINE, { client_secret: "wrong" });
    const badGrant = await emulator.tokenRequest(SHOP, { grant_type: "authorization_code" });

    expect(badClient).toMatchObject({ status: 400, body: { error: "invalid_client" } });
    expect(badGrant).toMatchObject({ status: 400, body: { error: "unsupported_grant_type" } });
  });

  it("answers 404 for a shop it does not know", async () => {
    const response = await emulator.tokenRequest("nowhere.myshopify.com", {
      grant_type: TOKEN_EXCHANGE,
    });

    expect(response.status).toBe(404);
  });
});

describe("with @shopify/shopify-api as the app uses it", () => {
  let shopify: Shopify;

  beforeAll(() => {
    shopify = shopifyApi({
      apiKey: emulator.app.apiKey,
      apiSecretKey: emulator.app.apiSecret,
      apiVersion: ApiVersion.October26,
      hostName: "127.0.0.1",
      isEmbeddedApp: true,
      logger: { level: LogSeverity.Error, log: async () => undefined },
    });
    setAbstractFetchFunc((input, init) => {
      const url = new URL(String(input instanceof Request ? input.url : input));
      return fetch(`${emulator.url}/shop/${url.host}${url.pathname}${url.search}`, init);
    });
  });

  it("exchanges tokens and queries the Admin API through the library", async () => {
    const sessionToken = await emulator.sessionToken(SHOP);

    const { session } = await shopify.auth.tokenExchange({
      shop: SHOP,
      sessionToken,
      requestedTokenType: RequestedTokenType.OfflineAccessToken,
      expiring: true,
    });
    const client = new shopify.clients.Graphql({ session });
    const response = await client.request<{ shop: { name: string } }>(
      "query ShopName { shop { name } }",
    );

    expect(session).toMatchObject({ shop: SHOP, isOnline: false, id: `offline_${SHOP}` });
    expect(session.refreshToken).toMatch(/^shprt_/);
    expect(session.expires?.getTime()).toBeGreaterThan(Date.now());
    expect(response.data?.shop.name).toBe("Exchange Test");
    expect(response.extensions).toMatchObject({ cost: { requestedQueryCost: 1 } });
  });

  it("creates online sessions whose id matches the session token's user", async () => {
    const sessionToken = await emulator.sessionToken(SHOP);
    const payload = await shopify.session.decodeSessionToken(sessionToken);

    const { session } = await shopify.auth.tokenExchange({
      shop: SHOP,
      sessionToken,
      requestedTokenType: RequestedTokenType.OnlineAccessToken,
    });

    expect(session.isOnline).toBe(true);
    expect(session.id).toBe(`${SHOP}_${payload.sub}`);
  });
});
