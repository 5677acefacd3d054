import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDatabase } from "~/database.server";

import { testDatabaseProviders } from "../database/databases";
import { signSessionToken } from "../../support/session-token";
import { SHOP_A, SHOP_B, startStack, type Stack } from "../../support/stack";

interface JournalEntry {
  kind: string;
  shop?: string;
  operationName?: string;
  status: number;
}

async function journal(stack: Stack, shop: string): Promise<JournalEntry[]> {
  const response = await fetch(`${stack.emulatorUrl}/__emulator/journal?shop=${shop}`);
  return ((await response.json()) as { entries: JournalEntry[] }).entries;
}

function callTrpc(stack: Stack, path: string, token?: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (token) headers.set("Authorization", `Bearer ${token}`);
  return stack.request(`/api/trpc/${path}`, { ...init, headers });
}

describe.each(testDatabaseProviders())("shop.info on %s", (provider) => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack(provider);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it("reads the shop through the Admin API with a real session token", async () => {
    const token = await stack.sessionToken(SHOP_A.domain);

    const response = await callTrpc(stack, "shop.info", token);

    expect(response.status).toBe(200);
    const { result } = (await response.json()) as { result: { data: Record<string, unknown> } };
    expect(result.data).toMatchObject({
      name: SHOP_A.name,
      domains: { myshopify: SHOP_A.domain },
      appPlan: { id: "free", name: "Free", status: "ACTIVE", price: "0" },
    });

    const calls = await journal(stack, SHOP_A.domain);
    expect(calls.map((entry) => entry.kind)).toContain("token-exchange");
    expect(calls).toContainEqual(
      expect.objectContaining({ kind: "graphql", operationName: "ShopInfo", status: 200 }),
    );
  });

  it("sends a request without a session token to log in, with no shop data", async () => {
    const response = await callTrpc(stack, "shop.info", undefined, { redirect: "manual" });

    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/auth\/login/);
  });

  it("answers a malformed bearer token with 401 and the retry header", async () => {
    const response = await callTrpc(stack, "shop.info", "not-a-session-token");

    expect(response.status).toBe(401);
    expect(response.headers.get("X-Shopify-Retry-Invalid-Session-Request")).toBe("1");
  });

  it("refuses forged and expired session tokens the same way", async () => {
    const forged = signSessionToken({
      shop: SHOP_A.domain,
      apiKey: stack.apiKey,
      secret: "not-the-app-secret",
    });
    const expired = signSessionToken({
      shop: SHOP_A.domain,
      apiKey: stack.apiKey,
      secret: stack.apiSecret,
      expiresInSeconds: -120,
    });

    for (const token of [forged, expired]) {
      const response = await callTrpc(stack, "shop.info", token);
      expect(response.status).toBe(401);
      expect(response.headers.get("X-Shopify-Retry-Invalid-Session-Request")).toBe("1");
    }
  });

  it("never shows shop A's token the data of shop B", async () => {
    const tokenB = await stack.sessionToken(SHOP_B.domain);
    const tokenA = await stack.sessionToken(SHOP_A.domain);

    const asB = await callTrpc(stack, `shop.info?shop=${SHOP_A.domain}`, tokenB);
    const asA = await callTrpc(stack, `shop.info?shop=${SHOP_B.domain}`, tokenA);

    const nameOf = async (response: Response) =>
      ((await response.json()) as { result: { data: { name: string } } }).result.data.name;
    expect(await nameOf(asB)).toBe(SHOP_B.name);
    expect(await nameOf(asA)).toBe(SHOP_A.name);
  });

  it("answers malformed input with 400 naming the field", async () => {
    const token = await stack.sessionToken(SHOP_A.domain);

    const response = await callTrpc(stack, "shop.updateSettings", token, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ appLanguage: "klingon" }),
    });

    expect(response.status).toBe(400);
    const { error } = (await response.json()) as {
      error: { message: string; data: { code: string; fieldErrors: Record<string, string[]> } };
    };
    expect(error.data.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/^Invalid input: appLanguage: /);
    expect(Object.keys(error.data.fieldErrors)).toEqual(["appLanguage"]);
  });

  it("saves a valid setting for the token's shop only", async () => {
    const token = await stack.sessionToken(SHOP_A.domain);

    const response = await callTrpc(stack, "shop.updateSettings", token, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ appLanguage: "fr" }),
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: { data: { appLanguage: "fr" } } });
    const db = createDatabase(stack.databaseUrl);
    try {
      const languages = await db.shop.findMany({
        select: { domain: true, appLanguage: true },
        orderBy: { domain: "asc" },
      });
      expect(languages).toEqual([
        { domain: SHOP_A.domain, appLanguage: "fr" },
        { domain: SHOP_B.domain, appLanguage: "en" },
      ]);
    } finally {
      await db.$disconnect();
    }
  });

  it("asks the page to retry when Shopify no longer accepts the stored access token", async () => {
    const token = await stack.sessionToken(SHOP_A.domain);
    expect((await callTrpc(stack, "shop.info", token)).status).toBe(200);
    // The emulator forgets every access token it issued, as Shopify does when one is revoked.
    await fetch(`${stack.emulatorUrl}/__emulator/reset`, { method: "POST" });

    const refused = await callTrpc(stack, "shop.info", token);
    const retried = await callTrpc(stack, "shop.info", await stack.sessionToken(SHOP_A.domain));

    expect(refused.status).toBe(401);
    expect(refused.headers.get("X-Shopify-Retry-Invalid-Session-Request")).toBe("1");
    expect(retried.status).toBe(200);
  });
});
