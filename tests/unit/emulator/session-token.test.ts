import { describe, expect, it } from "vitest";

import {
  mintSessionToken,
  sessionTokenClaims,
  signJwt,
  verifySessionToken,
} from "../../../emulator/shopify/session-token";

const SHOP = "demo.myshopify.com";
const APP = { apiKey: "test-api-key", apiSecret: "test-secret-not-real" };
const NOW = Date.UTC(2026, 0, 1);

function claims(overrides: Record<string, unknown> = {}) {
  return {
    ...sessionTokenClaims({ shop: SHOP, ...APP, userId: 42, sessionId: "s1", now: NOW }),
    ...overrides,
  };
}

function verify(token: string, now = NOW) {
  return verifySessionToken(token, { shop: SHOP, ...APP, now });
}

describe("session tokens", () => {
  it("mints the claims Shopify puts in a session token, valid for one minute", () => {
    const token = mintSessionToken({ shop: SHOP, ...APP, userId: 42, sessionId: "s1", now: NOW });
    const result = verify(token);

    expect(result.ok).toBe(true);
    expect(result.ok && result.claims).toMatchObject({
      iss: `https://${SHOP}/admin`,
      dest: `https://${SHOP}`,
      aud: APP.apiKey,
      sub: "42",
      sid: "s1",
      iat: NOW / 1000,
      nbf: NOW / 1000,
      exp: NOW / 1000 + 60,
    });
  });

  it("accepts a token just past expiry within the leeway and refuses it after", () => {
    const token = signJwt(claims(), APP.apiSecret);

    expect(verify(token, NOW + 65_000).ok).toBe(true);
    expect(verify(token, NOW + 75_000)).toEqual({ ok: false, reason: "the token has expired" });
  });

  it.each([
    ["a forged signature", signJwt(claims(), "another-secret"), "signature"],
    ["another audience", signJwt(claims({ aud: "other-app" }), APP.apiSecret), "audience"],
    ["another shop", signJwt(claims({ dest: "https://x.myshopify.com" }), APP.apiSecret), "shop"],
    [
      "another issuer",
      signJwt(claims({ iss: "https://x.myshopify.com/admin" }), APP.apiSecret),
      "issuer",
    ],
    ["a future nbf", signJwt(claims({ nbf: NOW / 1000 + 60 }), APP.apiSecret), "not valid yet"],
    ["no user", signJwt(claims({ sub: "" }), APP.apiSecret), "user"],
    ["garbage", "not-a-token", "JWT"],
  ])("refuses %s", (_case, token, reason) => {
    const result = verify(token);

    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toContain(reason);
  });

  it("refuses tokens not signed with HS256", () => {
    const [, payload] = signJwt(claims(), APP.apiSecret).split(".");
    const header = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");

    expect(verify(`${header}.${payload}.`).ok).toBe(false);
  });
});
