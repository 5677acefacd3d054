import { vi } from "vitest";

import type { AdminClient } from "~/services/shopify/client.server";

import type { Stack } from "../../support/stack";

let appLoaded = false;

/**
 * An AdminClient in this process on the offline session the running server stored for `shop`:
 * the shop is installed through a real token exchange first, then the app's own shopifyApp
 * instance is loaded here with the same keys and database.
 */
export async function adminClientFor(stack: Stack, shop: string): Promise<AdminClient> {
  const installed = await stack.request("/api/trpc/shop.info", {
    headers: { Authorization: `Bearer ${await stack.sessionToken(shop)}` },
  });
  if (installed.status !== 200) throw new Error(`installing ${shop}: HTTP ${installed.status}`);

  vi.stubEnv("NODE_ENV", "test");
  vi.stubEnv("LOG_LEVEL", "silent");
  vi.stubEnv("SHOPIFY_API_KEY", stack.apiKey);
  vi.stubEnv("SHOPIFY_API_SECRET", stack.apiSecret);
  vi.stubEnv("SHOPIFY_APP_URL", stack.app.url);
  vi.stubEnv("DATABASE_URL", stack.databaseUrl);
  vi.stubEnv("SHOPIFY_EMULATOR_URL", stack.emulatorUrl);
  appLoaded = true;
  const { adminClientForShop } = await import("~/services/shopify/client.server");
  return adminClientForShop(shop);
}

export async function disconnectApp(): Promise<void> {
  if (!appLoaded) return;
  const { prisma } = await import("~/db.server");
  await prisma.$disconnect();
}

/** JSON from the emulator's control API. */
export async function control<T>(stack: Stack, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${stack.emulatorUrl}/__emulator${path}`, {
    ...init,
    headers: { "Content-Type": "application/json", ...init.headers },
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return (response.status === 204 ? null : await response.json()) as T;
}

export function addFault(stack: Stack, fault: Record<string, unknown>) {
  return control(stack, "/faults", { method: "POST", body: JSON.stringify(fault) });
}

export interface ShopStats {
  products: number;
  productUpdates: { total: number; byProduct: Record<string, number> };
  productCreates: number;
}

export function shopStats(stack: Stack, shop: string): Promise<ShopStats> {
  return control<ShopStats>(stack, `/shops/${shop}/stats`);
}
