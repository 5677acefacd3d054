import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDatabase, type Database } from "~/database.server";

import { testDatabaseProviders } from "../database/databases";
import { addFault, install, trpcFor } from "../seo/seo-support";
import { SHOP_A, startStack, type Stack } from "../../support/stack";

const PRODUCTS = 300;

async function until<T>(read: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("timed out");
}

describe.each(testDatabaseProviders())("a catalog sync taken over on %s", (provider) => {
  let stack: Stack;
  let db: Database;

  beforeAll(async () => {
    stack = await startStack(provider, { shops: [{ ...SHOP_A, products: PRODUCTS }] });
    db = createDatabase(stack.databaseUrl);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await stack?.stop();
  });

  it("stops at its next heartbeat and leaves the newer sync's record alone", async () => {
    // Slow pages, so the install's sync is still reading when another one takes its place.
    await addFault(stack, {
      kind: "latency",
      shop: SHOP_A.domain,
      operationName: "ProductsPage",
      latencyMs: 400,
    });
    await install(trpcFor(stack, SHOP_A.domain));
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: SHOP_A.domain } });
    await until(async () => {
      const row = await db.catalogSync.findUnique({ where: { shopId: shop.id } });
      return row?.status === "running" && row.processed > 0 ? row : undefined;
    });

    // What claiming a sync whose heartbeat went stale writes: a newer run owns the row now.
    const newer = new Date();
    await db.catalogSync.update({
      where: { shopId: shop.id },
      data: { startedAt: newer, heartbeatAt: newer, processed: 0, trigger: "manual" },
    });

    const stopped = await until(async () =>
      stack.app.logs.find((line) => line.msg === "catalog sync stopped"),
    );
    expect(stopped).toMatchObject({ reason: "a newer sync of this shop took over" });
    const row = await db.catalogSync.findUniqueOrThrow({ where: { shopId: shop.id } });
    expect(row).toMatchObject({
      status: "running",
      trigger: "manual",
      processed: 0,
      lastCompletedAt: null,
    });
    expect(row.startedAt.getTime()).toBe(newer.getTime());
    expect(stack.app.logs.map((line) => line.msg)).not.toContain("catalog sync finished");
  });
});
