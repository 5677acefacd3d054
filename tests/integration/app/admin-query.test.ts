import type { AdminApiContext } from "@shopify/shopify-app-remix/server";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { z } from "zod";

import { AdminApiError, adminQuery } from "~/services/shopify/admin-query.server";

import { SHOP_A, startStack, type Stack } from "../../support/stack";

let stack: Stack;
let admin: AdminApiContext;

beforeAll(async () => {
  stack = await startStack("sqlite");
  const installed = await stack.request("/api/trpc/shop.info", {
    headers: { Authorization: `Bearer ${await stack.sessionToken(SHOP_A.domain)}` },
  });
  expect(installed.status).toBe(200);

  // The app's own shopifyApp instance, in this process, on the session the server stored: the
  // path background work takes to reach the Admin API.
  vi.stubEnv("NODE_ENV", "test");
  vi.stubEnv("LOG_LEVEL", "silent");
  vi.stubEnv("SHOPIFY_API_KEY", stack.apiKey);
  vi.stubEnv("SHOPIFY_API_SECRET", stack.apiSecret);
  vi.stubEnv("SHOPIFY_APP_URL", stack.app.url);
  vi.stubEnv("DATABASE_URL", stack.databaseUrl);
  vi.stubEnv("SHOPIFY_EMULATOR_URL", stack.emulatorUrl);
  const { unauthenticated } = await import("~/shopify.server");
  ({ admin } = await unauthenticated.admin(SHOP_A.domain));
});

afterAll(async () => {
  const { prisma } = await import("~/db.server");
  await prisma.$disconnect();
  await stack?.stop();
});

it("returns the data of a valid operation, checked against its schema", async () => {
  const data = await adminQuery(admin, {
    name: "ShopName",
    document: "query ShopName { shop { name } }",
    data: z.object({ shop: z.object({ name: z.string() }) }),
  });

  expect(data).toEqual({ shop: { name: SHOP_A.name } });
});

it("names the operation when the Admin schema refuses it", async () => {
  const failure = await adminQuery(admin, {
    name: "ShopWithTypo",
    document: "query ShopWithTypo { shop { nmae } }",
    data: z.unknown(),
  }).catch((error: unknown) => error);

  expect(failure).toBeInstanceOf(AdminApiError);
  const error = failure as AdminApiError;
  expect(error.operation).toBe("ShopWithTypo");
  expect(error.message).toMatch(/^Admin API operation ShopWithTypo failed: .*nmae/);
  expect(error.errors[0]).toMatchObject({ extensions: { code: expect.any(String) } });
});

it("names the operation when the response does not match what the app expects", async () => {
  const failure = await adminQuery(admin, {
    name: "ShopName",
    document: "query ShopName { shop { name } }",
    data: z.object({ shop: z.object({ name: z.number() }) }),
  }).catch((error: unknown) => error);

  expect(failure).toBeInstanceOf(AdminApiError);
  expect((failure as AdminApiError).message).toMatch(
    /^Admin API operation ShopName failed: unexpected response/,
  );
});
